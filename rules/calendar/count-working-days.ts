import type { WorkCalendar } from './calendar-of';
import { dayNumber, weekdayOfDay, type LocalDate } from './local-date';
import { countBetween } from './sorted-days';

/**
 * How many working days lie strictly between two dates, as isWorkingDay would count them one by
 * one, but in time that does not grow with the distance: whole weeks by arithmetic, then the listed
 * holidays and working days inside the range, found by binary search in the calendar's sorted day
 * numbers. A card can sit in a stage for a year.
 */
export function countWorkingDaysBetween(calendar: WorkCalendar, after: LocalDate, before: LocalDate): number {
  return countWorkingDaysBetweenDays(calendar, dayNumber(after), dayNumber(before));
}

/** countWorkingDaysBetween for day numbers (see dayNumber). */
export function countWorkingDaysBetweenDays(calendar: WorkCalendar, after: number, before: number): number {
  const span = before - after - 1;
  if (span <= 0) return 0;
  return (
    weekdaysIn(calendar, weekdayOfDay(after), span) -
    countBetween(calendar.holidaysOnWeekdays, after, before) +
    countBetween(calendar.workedWeekends, after, before)
  );
}

/** Days not in `weekends` among the `span` days after a day whose weekday is `weekday`. */
function weekdaysIn(calendar: WorkCalendar, weekday: number, span: number): number {
  const perWeek = 7 - calendar.weekends.size;
  let count = Math.floor(span / 7) * perWeek;
  for (let i = 1; i <= span % 7; i++) if (!calendar.weekends.has((weekday + i) % 7)) count++;
  return count;
}
