export type Localization = { defaultLocale: string; supportedLocales: string[]; resourceUrl: string };
export type Strings = Record<string, string>;

/**
 * What Trello's client does with `localization` (docs/trello-reference.md §5.9): pick the member's
 * locale if supported (or its language: ru-RU → ru), else the default; load
 * resourceUrl with {locale} replaced, relative to the page; expose the pick as window.locale.
 */
export async function loadStrings(localization: Localization | undefined, memberLocale: string): Promise<Strings> {
  if (!localization) return {};
  const language = memberLocale.split('-')[0] ?? memberLocale;
  const locale = [memberLocale, language].find((l) => localization.supportedLocales.includes(l)) ?? localization.defaultLocale;
  window.locale = locale;
  const url = new URL(localization.resourceUrl.replace('{locale}', locale), window.location.href);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`[stand-in] ${url.href} answered ${response.status}`);
  return (await response.json()) as Strings;
}

/** `{name}` placeholders filled from data; the key itself when the strings lack it, as Trello does. */
export function localizeKey(strings: Strings, key: string, data: Record<string, string> = {}): string {
  const text = strings[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => data[name] ?? whole);
}

export function localizeNode(strings: Strings, node: Element): void {
  for (const el of node.querySelectorAll<HTMLElement>('[data-i18n-id]')) el.textContent = localizeKey(strings, el.dataset.i18nId ?? '');
}
