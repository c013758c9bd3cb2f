import { isWorkingDay, type LocalDate, type WorkCalendar } from '../../../rules';
import { countWorkingDaysBetween } from '../../../rules/calendar/count-working-days';
import { workCalendar } from './work-calendars';

const DAY = 86_400_000;
const dateAt = (ms: number): LocalDate => new Date(ms).toISOString().slice(0, 10);

/** The slow and obvious count: every day in between, one by one. */
function countOneByOne(calendar: WorkCalendar, after: LocalDate, before: LocalDate): number {
  let count = 0;
  for (let t = Date.parse(after) + DAY; t < Date.parse(before); t += DAY) if (isWorkingDay(calendar, dateAt(t))) count++;
  return count;
}

describe.each([
  ['the default calendar', workCalendar()],
  ['a calendar with its own days', workCalendar({ holidays: ['2026-03-10', '2026-03-15'], workingDays: ['2026-03-14', '2026-12-31'] })],
  ['a Sunday-only weekend', workCalendar({ weekends: [0] })],
])('countWorkingDaysBetween on %s', (_, calendar) => {
  it('agrees with counting the days one by one', () => {
    for (let i = 0; i < 300; i++) {
      const after = dateAt(Date.UTC(2025, 10, 1) + ((i * 7919) % 900) * DAY);
      const before = dateAt(Date.parse(after) + ((i * 104_729) % 500) * DAY);
      expect({ after, before, count: countWorkingDaysBetween(calendar, after, before) }).toEqual({
        after,
        before,
        count: countOneByOne(calendar, after, before),
      });
    }
  });

  it('counts nothing between a day and itself or the next day', () => {
    expect(countWorkingDaysBetween(calendar, '2026-03-16', '2026-03-16')).toBe(0);
    expect(countWorkingDaysBetween(calendar, '2026-03-16', '2026-03-17')).toBe(0);
  });
});
