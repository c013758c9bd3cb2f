import { wallClockAt } from '../calendar/zone-clock';
import type { Period } from './report-input';

// Calendar months as the figures group them: "YYYY-MM" on the wall calendar of the rules' time zone,
// so an onboarding finished at 01:00 Moscow time on 1 June counts in June.

export function monthOf(instant: Date, timeZone: string): string {
  return wallClockAt(instant.getTime(), timeZone).date.slice(0, 7);
}

/** "2026-01" → "2025-12"; `by` months later when positive. */
export function shiftMonth(month: string, by: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (number - 1) + by;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month [from, to) touches, oldest first; none for an empty period. */
export function monthsOf(period: Period, timeZone: string): string[] {
  if (!(period.to.getTime() > period.from.getTime())) return [];
  const last = monthOf(new Date(period.to.getTime() - 1), timeZone);
  const months: string[] = [];
  for (let month = monthOf(period.from, timeZone); month <= last; month = shiftMonth(month, 1)) months.push(month);
  return months;
}

/** The `count` months up to and including `month`, oldest first. */
export function monthsEndingWith(month: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shiftMonth(month, i - count + 1));
}

export function inPeriod(instant: Date, period: Period): boolean {
  const t = instant.getTime();
  return t >= period.from.getTime() && t < period.to.getTime();
}
