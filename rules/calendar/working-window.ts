import type { WorkCalendar } from './calendar-of';
import { isWorkingDayNumber } from './is-working-day';
import { dayNumber, type LocalDate } from './local-date';
import { instantAtDay } from './zone-clock';

/** The instants (ms) when work starts and stops on `date`, or null on a day off. */
export function workingWindow(calendar: WorkCalendar, date: LocalDate): { start: number; end: number } | null {
  return workingWindowOfDay(calendar, dayNumber(date));
}

/** workingWindow for a day number (see dayNumber). */
export function workingWindowOfDay(calendar: WorkCalendar, day: number): { start: number; end: number } | null {
  if (!isWorkingDayNumber(calendar, day)) return null;
  return {
    start: instantAtDay(day, calendar.start, calendar.timeZone),
    end: instantAtDay(day, calendar.end, calendar.timeZone),
  };
}
