/**
 * A day on the wall calendar, written `YYYY-MM-DD`, with no time and no zone: the unit the
 * production calendar speaks in. Arithmetic goes through UTC midnight, where no day is ever
 * skipped or doubled by a clock change.
 */
export type LocalDate = string;

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Is `text` a real date written YYYY-MM-DD (2026-02-30 is not)? */
export function isLocalDate(text: string): boolean {
  const match = SHAPE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC rolls 30 February over into March: a round trip tells a real date from a rolled one.
  return localDateOf(Date.UTC(year, month - 1, day)) === text;
}

/** The date `days` after `date` (before it when negative). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return localDateOf(utcMidnight(date) + days * 86_400_000);
}

/** 0 = Sunday … 6 = Saturday, as `Date.getDay` counts and as `calendar.weekends` is written. */
export function weekdayOf(date: LocalDate): number {
  return weekdayOfDay(dayNumber(date));
}

/** weekdayOf for a day number (see dayNumber). */
export function weekdayOfDay(day: number): number {
  // 1 January 1970, day 0, was a Thursday.
  return (((day + 4) % 7) + 7) % 7;
}

/** Milliseconds of midnight UTC starting `date`: the wall-clock day read as if it were UTC. */
export function utcMidnight(date: LocalDate): number {
  // Digit by digit, not split: a report reads dates thousands of times.
  const year = digitAt(date, 0) * 1000 + digitAt(date, 1) * 100 + digitAt(date, 2) * 10 + digitAt(date, 3);
  return Date.UTC(year, digitAt(date, 5) * 10 + digitAt(date, 6) - 1, digitAt(date, 8) * 10 + digitAt(date, 9));
}

function digitAt(text: string, index: number): number {
  return text.charCodeAt(index) - 48;
}

/** Days since 1970-01-01: a date as a number to sort and search. */
export function dayNumber(date: LocalDate): number {
  return utcMidnight(date) / DAY;
}

const DAY = 86_400_000;

/** The day that `utcMs` falls in, read as UTC. */
export function localDateOf(utcMs: number): LocalDate {
  const day = new Date(utcMs);
  const year = day.getUTCFullYear();
  // toISOString writes other years with a sign and six digits; they are not worth a fast path.
  if (year < 1000 || year > 9999) return day.toISOString().slice(0, 10);
  return `${year}-${twoDigits(day.getUTCMonth() + 1)}-${twoDigits(day.getUTCDate())}`;
}

function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
