import type { WorkCalendar } from './calendar-of';
import { isWorkingDay } from './is-working-day';
import type { LocalDate } from './local-date';
import { instantAt } from './zone-clock';

/** The instants (ms) when work starts and stops on `date`, or null on a day off. */
export function workingWindow(calendar: WorkCalendar, date: LocalDate): { start: number; end: number } | null {
  if (!isWorkingDay(calendar, date)) return null;
  return {
    start: instantAt(date, calendar.start, calendar.timeZone),
    end: instantAt(date, calendar.end, calendar.timeZone),
  };
}
