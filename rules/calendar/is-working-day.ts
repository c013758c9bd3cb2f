import type { WorkCalendar } from './calendar-of';
import { weekdayOf, type LocalDate } from './local-date';

/**
 * Is `date` (YYYY-MM-DD, the calendar's local date) a working day? A listed holiday is off and a
 * listed working day is worked whatever the day of the week; otherwise the weekends decide.
 */
export function isWorkingDay(calendar: WorkCalendar, date: LocalDate): boolean {
  if (calendar.holidays.has(date)) return false;
  if (calendar.workingDays.has(date)) return true;
  return !calendar.weekends.has(weekdayOf(date));
}
