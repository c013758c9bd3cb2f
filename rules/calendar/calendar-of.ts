import type { ProcessConfig } from '../config/process-config';
import { dayNumber, weekdayOf, type LocalDate } from './local-date';
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
  /**
   * The listed days that change a plain week's count, as sorted day numbers (see dayNumber), so that
   * counting the working days of a long stretch is two binary searches: holidays that fall on a
   * working day of the week, and weekend days that are worked.
   */
  holidaysOnWeekdays: readonly number[];
  workedWeekends: readonly number[];
};

// A report measures thousands of visits against one calendar; resolving it (sets, the built-in
// lists, the sorted day numbers) is done once per rules object — parseRules never changes one after
// it is made. Keyed by the `calendar` section itself, so a Pick of the rules finds it too.
const resolved = new WeakMap<ProcessConfig['calendar'], WorkCalendar>();

/**
 * The working calendar a rules file describes. The file's `holidays` and `workingDays` are laid
 * over the built-in Russian calendar: a date the file lists wins over the built-in one, so a
 * team can work a built-in holiday or take a built-in working Saturday off.
 */
export function calendarOf(config: Pick<ProcessConfig, 'calendar'>): WorkCalendar {
  let calendar = resolved.get(config.calendar);
  if (!calendar) resolved.set(config.calendar, (calendar = resolve(config.calendar)));
  return calendar;
}

function resolve({ timeZone, workingHours, weekends, holidays, workingDays, replaceBuiltIn }: ProcessConfig['calendar']): WorkCalendar {
  const builtInHolidays = replaceBuiltIn ? [] : RUSSIAN_HOLIDAYS;
  const builtInWorkingDays = replaceBuiltIn ? [] : RUSSIAN_WORKING_DAYS;
  const start = minutesOf(workingHours.start);
  const end = minutesOf(workingHours.end);
  const offDays = new Set(weekends);
  const listedHolidays = new Set([...builtInHolidays.filter((date) => !workingDays.includes(date)), ...holidays]);
  const listedWorkingDays = new Set([...builtInWorkingDays.filter((date) => !holidays.includes(date)), ...workingDays]);
  const isWeekend = (date: LocalDate) => offDays.has(weekdayOf(date));
  const sortedDays = (dates: LocalDate[]) => dates.map(dayNumber).sort((a, b) => a - b);
  return Object.freeze({
    timeZone,
    start,
    end,
    hoursPerDay: (end - start) / 60,
    weekends: offDays,
    holidays: listedHolidays,
    workingDays: listedWorkingDays,
    holidaysOnWeekdays: sortedDays([...listedHolidays].filter((date) => !isWeekend(date))),
    // A day listed both ways is a holiday (isWorkingDay asks about holidays first).
    workedWeekends: sortedDays([...listedWorkingDays].filter((date) => isWeekend(date) && !listedHolidays.has(date))),
  });
}

/** "09:30" → 570. */
function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}
