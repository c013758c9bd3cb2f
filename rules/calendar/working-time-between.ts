import type { WorkCalendar } from './calendar-of';
import { addDays } from './local-date';
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
  const last = wallClockAt(stop, calendar.timeZone).date;
  let worked = 0;
  for (let date = wallClockAt(start, calendar.timeZone).date; date <= last; date = addDays(date, 1)) {
    const window = workingWindow(calendar, date);
    if (window) worked += Math.max(0, Math.min(stop, window.end) - Math.max(start, window.start));
  }
  const hours = worked / HOUR;
  return { hours, days: hours / calendar.hoursPerDay };
}
