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
  return new Date(utcMidnight(date)).getUTCDay();
}

/** Milliseconds of midnight UTC starting `date`: the wall-clock day read as if it were UTC. */
export function utcMidnight(date: LocalDate): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day);
}

function localDateOf(utcMs: number): LocalDate {
  return new Date(utcMs).toISOString().slice(0, 10);
}
