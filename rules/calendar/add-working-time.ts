import type { WorkCalendar } from './calendar-of';
import { addDays } from './local-date';
import { workingWindow } from './working-window';
import { wallClockAt } from './zone-clock';

export type WorkingAmount = { days?: number; hours?: number };

const HOUR = 3_600_000;

// A calendar whose every day is off would walk forever; ten years without one working hour means
// the calendar is wrong, not that the deadline is far.
const SEARCH_DAYS = 3660;

/**
 * The instant when `amount` of working time has elapsed after `from`: what a deadline is. Counting
 * starts at `from` if it is inside working hours, else at the next start of working hours; a day
 * is the calendar's working day (days: 2 = 18 hours of 09:00–18:00). An amount that ends exactly
 * at the end of a working day gives that end (Friday 18:00), not the next morning. `days` and
 * `hours` add up: pass `{ hours: elapsed.hours }`, not a whole `WorkingTime`, which has both.
 */
export function addWorkingTime(calendar: WorkCalendar, from: Date, amount: WorkingAmount): Date {
  const hours = (amount.days ?? 0) * calendar.hoursPerDay + (amount.hours ?? 0);
  if (!Number.isFinite(hours) || hours < 0) {
    throw new RangeError(`[rules] addWorkingTime needs a working time of zero or more, not ${JSON.stringify(amount)}`);
  }
  let left = Math.round(hours * HOUR);
  const start = from.getTime();
  if (left === 0) return new Date(start);
  let date = wallClockAt(start, calendar.timeZone).date;
  for (let day = 0; day < SEARCH_DAYS; day++, date = addDays(date, 1)) {
    const window = workingWindow(calendar, date);
    if (!window) continue;
    const begin = Math.max(start, window.start);
    if (begin >= window.end) continue;
    if (left <= window.end - begin) return new Date(begin + left);
    left -= window.end - begin;
  }
  throw new RangeError(`[rules] no working time in the ${SEARCH_DAYS} days after ${from.toISOString()}: check calendar.weekends and holidays`);
}
