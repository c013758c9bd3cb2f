import type { WorkCalendar } from './calendar-of';
import { isWorkingDay } from './is-working-day';
import { addDays, type LocalDate } from './local-date';
import { workingWindow } from './working-window';
import { instantAt, wallClockAt } from './zone-clock';

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
  const start = from.getTime();
  let left = Math.round(hours * HOUR);
  if (left === 0) return new Date(start);
  const first = wallClockAt(start, calendar.timeZone).date;
  const window = workingWindow(calendar, first);
  const begin = window ? Math.max(start, window.start) : Infinity;
  if (window && begin < window.end) {
    if (left <= window.end - begin) return new Date(begin + left);
    left -= window.end - begin;
  }
  return new Date(laterDay(calendar, first, left));
}

/**
 * The instant `left` ms into the working days after `date`. Whole days are skipped without Intl
 * (see workingTimeBetween); only the day the time runs out is placed on the clock.
 */
function laterDay(calendar: WorkCalendar, date: LocalDate, left: number): number {
  const day = calendar.hoursPerDay * HOUR;
  for (let n = 1, next = addDays(date, 1); n <= SEARCH_DAYS; n++, next = addDays(next, 1)) {
    if (!isWorkingDay(calendar, next)) continue;
    if (left <= day) return instantAt(next, calendar.start, calendar.timeZone) + left;
    left -= day;
  }
  throw new RangeError(`[rules] no working time in the ${SEARCH_DAYS} days after ${date}: check calendar.weekends and holidays`);
}
