import type { WorkCalendar } from './calendar-of';
import { utcMidnight, weekdayOf, type LocalDate } from './local-date';

const DAY = 86_400_000;

/**
 * How many working days lie strictly between two dates, as isWorkingDay would count them one by
 * one, but in time that does not grow with the distance: whole weeks by arithmetic, then the listed
 * holidays and working days inside the range. A card can sit in a stage for a year.
 */
export function countWorkingDaysBetween(calendar: WorkCalendar, after: LocalDate, before: LocalDate): number {
  const [low, high] = [utcMidnight(after), utcMidnight(before)];
  const span = Math.round((high - low) / DAY) - 1;
  if (span <= 0) return 0;
  const isWeekend = (date: LocalDate) => calendar.weekends.has(weekdayOf(date));
  const inside = (date: LocalDate) => utcMidnight(date) > low && utcMidnight(date) < high;
  const holidaysOnWeekdays = [...calendar.holidays].filter((date) => inside(date) && !isWeekend(date)).length;
  const workedWeekends = [...calendar.workingDays].filter(
    (date) => inside(date) && isWeekend(date) && !calendar.holidays.has(date),
  ).length;
  return weekdaysIn(calendar, weekdayOf(after), span) - holidaysOnWeekdays + workedWeekends;
}

/** Days not in `weekends` among the `span` days after a day whose weekday is `weekday`. */
function weekdaysIn(calendar: WorkCalendar, weekday: number, span: number): number {
  const perWeek = 7 - calendar.weekends.size;
  let count = Math.floor(span / 7) * perWeek;
  for (let i = 1; i <= span % 7; i++) if (!calendar.weekends.has((weekday + i) % 7)) count++;
  return count;
}
