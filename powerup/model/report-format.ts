import type { Person } from '../../rules/reports/report-types';

// How the director's view writes people, dates and months: pure, so the summary page and the card
// back's history write them the same way and tests can check them without a browser.

/** People read names, not logins: the full name when the board knows it. */
export function personName(person: Person): string {
  return person.fullName?.trim() || person.username;
}

/** «Ирина Директорова, Максим Менеджеров»; null when nobody. */
export function peopleNames(people: readonly Person[]): string | null {
  const names = [...new Set(people.map(personName))];
  return names.length === 0 ? null : names.join(', ');
}

/** DD.MM.YYYY in both languages (the team's habit), in `timeZone` when given, else the browser's. */
export function formatDate(iso: string, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', ...(timeZone ? { timeZone } : {}) })
    .formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}.${part('month')}.${part('year')}`;
}

/** DD.MM.YYYY HH:MM: the decision log needs the hour too. */
export function formatDateTime(iso: string, timeZone?: string): string {
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(timeZone ? { timeZone } : {}) })
    .format(new Date(iso));
  return `${formatDate(iso, timeZone)} ${time}`;
}

/** "2026-05" → «май 2026» / "May 2026"; `short` → «Май» / "May" for a chart's axis. */
export function monthLabel(month: string, locale: string, short = false): string {
  const [year, mon] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 1970, (mon ?? 1) - 1, 1));
  const options: Intl.DateTimeFormatOptions = short ? { month: 'short', timeZone: 'UTC' } : { month: 'long', year: 'numeric', timeZone: 'UTC' };
  const text = new Intl.DateTimeFormat(locale, options).format(date).replace(/\s+г\.$/, '').replace(/\.$/, '');
  return short ? text.charAt(0).toLocaleUpperCase(locale) + text.slice(1) : text;
}
