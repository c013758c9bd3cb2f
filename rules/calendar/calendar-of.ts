import type { ProcessConfig } from '../config/process-config';
import type { LocalDate } from './local-date';
import { RUSSIAN_HOLIDAYS, RUSSIAN_WORKING_DAYS } from './russia';

/** A rules file's calendar, resolved: sets to look dates up in, the working day in minutes. */
export type WorkCalendar = {
  timeZone: string;
  /** Minutes after local midnight when the working day starts and ends. */
  start: number;
  end: number;
  /** The length of one working day: what a "working day" of a limit is worth. */
  hoursPerDay: number;
  /** Days of the week off, 0 = Sunday … 6 = Saturday. */
  weekends: ReadonlySet<number>;
  holidays: ReadonlySet<LocalDate>;
  workingDays: ReadonlySet<LocalDate>;
};

/**
 * The working calendar a rules file describes. The file's `holidays` and `workingDays` are laid
 * over the built-in Russian calendar: a date the file lists wins over the built-in one, so a
 * team can work a built-in holiday or take a built-in working Saturday off.
 */
export function calendarOf(config: Pick<ProcessConfig, 'calendar'>): WorkCalendar {
  const { timeZone, workingHours, weekends, holidays, workingDays, replaceBuiltIn } = config.calendar;
  const builtInHolidays = replaceBuiltIn ? [] : RUSSIAN_HOLIDAYS;
  const builtInWorkingDays = replaceBuiltIn ? [] : RUSSIAN_WORKING_DAYS;
  const start = minutesOf(workingHours.start);
  const end = minutesOf(workingHours.end);
  return {
    timeZone,
    start,
    end,
    hoursPerDay: (end - start) / 60,
    weekends: new Set(weekends),
    holidays: new Set([...builtInHolidays.filter((date) => !workingDays.includes(date)), ...holidays]),
    workingDays: new Set([...builtInWorkingDays.filter((date) => !holidays.includes(date)), ...workingDays]),
  };
}

/** "09:30" → 570. */
function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}
