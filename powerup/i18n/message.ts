/**
 * A text to show, as a key of powerup/strings/{locale}.json and its data. The models stay
 * DOM-free and language-free; the page localizes them with Trello's t.localizeKey.
 */
export type Message = {
  key: string;
  data?: Record<string, string | number>;
  /** When set, the key names a plural family: `<key>-one`, `<key>-few`, `<key>-many`, `<key>-other`. */
  count?: number;
};

export function message(key: string, data?: Message['data'], count?: number): Message {
  return { key, ...(data ? { data } : {}), ...(count === undefined ? {} : { count }) };
}

/** «1 поле», «2 поля», «5 полей»: the CLDR plural category of `count` in `locale` picks the key. */
export function pluralKey(key: string, count: number, locale: string): string {
  return `${key}-${new Intl.PluralRules(locale).select(count)}`;
}

/** The config's texts have Russian and English; Russian unless Trello says the member reads English. */
export function languageOf(locale: string | undefined): 'ru' | 'en' {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'ru';
}

/** Numbers in the member's style: «2,5» in Russian, "2.5" in English. */
export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

/**
 * The key and data to hand to t.localizeKey: the plural form picked and numbers formatted for the
 * locale, since Trello's localizer only substitutes `{name}` placeholders.
 */
export function prepareMessage(msg: Message, locale: string): { key: string; data: Record<string, string> } {
  const key = msg.count === undefined ? msg.key : pluralKey(msg.key, msg.count, locale);
  const data = Object.fromEntries(
    Object.entries(msg.data ?? {}).map(([name, value]) => [name, typeof value === 'number' ? formatNumber(value, locale) : value]),
  );
  return { key, data };
}

/** Trello's substitution, for tests and for the pages' own fallbacks: `{name}` → data.name. */
export function fillPlaceholders(text: string, data: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => data[name] ?? whole);
}
