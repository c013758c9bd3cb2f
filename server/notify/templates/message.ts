import { personWithLogin, type Language } from '../../../rules';

/**
 * One notice in words, for every channel: `comment` follows the mentions in a card comment (the
 * card is where it is read, so it need not link to itself); `text` stands alone in a chat or a
 * mailbox, a line per fact, so it reads on a phone's lock screen; the link is added after it.
 */
export type Message = { subject: string; comment: string; text: string[] };

type Person = { username: string; fullName: string };
type Reason = { ru: string; en: string };

export const mention = (username: string) => `@${username.replace(/^@/, '')}`;

/** Nobody could be named: a move the board check found, with no action to say whose it was. */
export const isUnknown = (person: Person) => !person.username && !person.fullName;

/** "Ирина Директорова (@director)", or whichever of the two is known; '' when neither is. */
export function who(person: Person): string {
  return person.username ? personWithLogin(person) : person.fullName;
}

/** "станция «…»" → "Станция «…»": a comment's lead follows "@name, ", a chat message starts with it. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Bullets of reasons; past `max`, one line saying how many more, so a phone screen holds them. */
export function bullets(reasons: readonly Reason[], language: Language, max = Infinity): string[] {
  const shown = reasons.slice(0, max).map((r) => `• ${r[language]}`);
  const more = reasons.length - shown.length;
  if (more <= 0) return shown;
  return [...shown, language === 'ru' ? `• …и ещё ${more}` : `• …and ${more} more`];
}

/** The date of an ISO timestamp as people write it: 20.11.2026 in Russian, 2026-11-20 in English. */
export function day(iso: string, language: Language): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return language === 'ru' ? `${d}.${m}.${y}` : `${y}-${m}-${d}`;
}

/** 1 рабочий день, 2 рабочих дня, 5 рабочих дней; 1 working day, 2 working days. */
export function workingDays(n: number, language: Language): string {
  if (language === 'en') return `${n} working day${n === 1 ? '' : 's'}`;
  return `${n} ${russianPlural(n, ['рабочий день', 'рабочих дня', 'рабочих дней'])}`;
}

export function workingHours(n: number, language: Language): string {
  if (language === 'en') return `${n} working hour${n === 1 ? '' : 's'}`;
  return `${n} ${russianPlural(n, ['рабочий час', 'рабочих часа', 'рабочих часов'])}`;
}

/** Russian counts take one of three forms: 1, 21 (one); 2–4, 22 (few); 5–20, 25 (many). */
export function russianPlural(n: number, [one, few, many]: [string, string, string]): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}
