import type { WorkCalendar } from './calendar-of';
import { countWorkingDaysBetweenDays } from './count-working-days';
import { workingWindowOfDay } from './working-window';
import { wallDayAt } from './zone-clock';

export type WorkingTime = { hours: number; days: number };

const HOUR = 3_600_000;

/**
 * The working time between two instants: the part of [from, to] inside the working hours of
 * working days, on the calendar's local clock. `days` is in working days of the calendar's length
 * (9 hours: 0.5 is half a day). Nothing has elapsed when `to` is not after `from`.
 */
export function workingTimeBetween(calendar: WorkCalendar, from: Date, to: Date): WorkingTime {
  const worked = workingMsBetween(calendar, from.getTime(), to.getTime());
  return { hours: worked / HOUR, days: workingDaysOfMs(calendar, worked) };
}

/**
 * workingTimeBetween in whole milliseconds, which add up exactly: a report sums many stretches
 * and converts once (the time of [a, c] is the time of [a, b] plus that of [b, c]).
 */
export function workingMsBetween(calendar: WorkCalendar, start: number, stop: number): number {
  if (!(stop > start)) return 0;
  // Days as numbers, not YYYY-MM-DD: the same days, without writing and reading them back.
  const first = wallDayAt(start, calendar.timeZone);
  const last = wallDayAt(stop, calendar.timeZone);
  let worked = overlap(calendar, first, start, stop);
  if (last !== first) {
    worked += overlap(calendar, last, start, stop);
    // The days in between are worked whole. Counting them without Intl keeps a badge for a card
    // that has sat for a year cheap; it assumes no clock change inside working hours (they happen
    // at night).
    worked += countWorkingDaysBetweenDays(calendar, first, last) * calendar.hoursPerDay * HOUR;
  }
  return worked;
}

/** Working milliseconds as working days of the calendar's length, as workingTimeBetween gives them. */
export function workingDaysOfMs(calendar: WorkCalendar, ms: number): number {
  return ms / HOUR / calendar.hoursPerDay;
}

/** The milliseconds of [start, stop] inside the working hours of `day` (a day number). */
function overlap(calendar: WorkCalendar, day: number, start: number, stop: number): number {
  const window = workingWindowOfDay(calendar, day);
  return window ? Math.max(0, Math.min(stop, window.end) - Math.max(start, window.start)) : 0;
}
