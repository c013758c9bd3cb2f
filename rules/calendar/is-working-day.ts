import type { WorkCalendar } from './calendar-of';
import { weekdayOf, weekdayOfDay, type LocalDate } from './local-date';
import { includesDay } from './sorted-days';

/**
 * Is `date` (YYYY-MM-DD, the calendar's local date) a working day? A listed holiday is off and a
 * listed working day is worked whatever the day of the week; otherwise the weekends decide.
 */
export function isWorkingDay(calendar: WorkCalendar, date: LocalDate): boolean {
  if (calendar.holidays.has(date)) return false;
  if (calendar.workingDays.has(date)) return true;
  return !calendar.weekends.has(weekdayOf(date));
}

/**
 * isWorkingDay for a day number (see dayNumber), the same answer from the calendar's sorted lists:
 * a weekend day is worked only when listed as worked (and not as a holiday), any other day unless
 * listed as a holiday.
 */
export function isWorkingDayNumber(calendar: WorkCalendar, day: number): boolean {
  return calendar.weekends.has(weekdayOfDay(day))
    ? includesDay(calendar.workedWeekends, day)
    : !includesDay(calendar.holidaysOnWeekdays, day);
}
