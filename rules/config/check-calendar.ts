import type { ProcessConfig } from './process-config';
import type { RulesProblem } from './rules-error';

/** The calendar section beyond its shape: a date cannot be both a day off and a day worked. */
export function checkCalendar(config: ProcessConfig): RulesProblem[] {
  const { holidays, workingDays } = config.calendar;
  return workingDays.flatMap((date, i) => {
    const j = holidays.indexOf(date);
    if (j < 0) return [];
    return [{ path: `calendar.workingDays[${i}]`, message: `${date} is also a holiday (calendar.holidays[${j}]); it cannot be both` }];
  });
}
