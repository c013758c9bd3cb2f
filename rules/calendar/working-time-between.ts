import type { WorkCalendar } from './calendar-of';
import { countWorkingDaysBetween } from './count-working-days';
import type { LocalDate } from './local-date';
import { workingWindow } from './working-window';
import { wallClockAt } from './zone-clock';

export type WorkingTime = { hours: number; days: number };

const HOUR = 3_600_000;

/**
 * The working time between two instants: the part of [from, to] inside the working hours of
 * working days, on the calendar's local clock. `days` is in working days of the calendar's length
 * (9 hours: 0.5 is half a day). Nothing has elapsed when `to` is not after `from`.
 */
export function workingTimeBetween(calendar: WorkCalendar, from: Date, to: Date): WorkingTime {
  const [start, stop] = [from.getTime(), to.getTime()];
  if (!(stop > start)) return { hours: 0, days: 0 };
  const first = wallClockAt(start, calendar.timeZone).date;
  const last = wallClockAt(stop, calendar.timeZone).date;
  let worked = overlap(calendar, first, start, stop);
  if (last !== first) {
    worked += overlap(calendar, last, start, stop);
    // The days in between are worked whole. Counting them without Intl keeps a badge for a card
    // that has sat for a year cheap; it assumes no clock change inside working hours (they happen
    // at night).
    worked += countWorkingDaysBetween(calendar, first, last) * calendar.hoursPerDay * HOUR;
  }
  const hours = worked / HOUR;
  return { hours, days: hours / calendar.hoursPerDay };
}

/** The milliseconds of [start, stop] inside the working hours of `date`. */
function overlap(calendar: WorkCalendar, date: LocalDate, start: number, stop: number): number {
  const window = workingWindow(calendar, date);
  return window ? Math.max(0, Math.min(stop, window.end) - Math.max(start, window.start)) : 0;
}
