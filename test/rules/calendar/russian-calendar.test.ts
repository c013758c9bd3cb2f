import { isWorkingDay, type LocalDate } from '../../../rules';
import { workCalendar } from './work-calendars';

const calendar = workCalendar();

function daysOf(year: number): LocalDate[] {
  const days: LocalDate[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

describe('the built-in Russian production calendar', () => {
  it.each([
    [2025, 247],
    [2026, 247],
    [2027, 247],
  ])('has the official count of working days in %i (%i)', (year, count) => {
    expect(daysOf(year).filter((date) => isWorkingDay(calendar, date))).toHaveLength(count);
  });

  describe('in 2025 (decree № 1335 of 04.10.2024)', () => {
    it('rests from 1 to 8 January and goes back to work on Thursday 9 January', () => {
      const january = daysOf(2025).slice(0, 9);
      expect(january.map((date) => isWorkingDay(calendar, date))).toEqual([...Array<boolean>(8).fill(false), true]);
    });

    it.each([
      ['2025-05-01', 'Labour Day, a Thursday'],
      ['2025-05-02', 'a Friday that takes the day off of Saturday 4 January'],
      ['2025-05-08', 'a Thursday that takes the day off of Sunday 23 February'],
      ['2025-05-09', 'Victory Day, a Friday'],
      ['2025-06-12', 'Russia Day, a Thursday'],
      ['2025-06-13', 'a Friday that takes the day off of Saturday 8 March'],
      ['2025-11-03', 'a Monday that takes the day off of Saturday 1 November'],
      ['2025-11-04', 'Unity Day, a Tuesday'],
      ['2025-12-31', 'a Wednesday that takes the day off of Sunday 5 January'],
    ])('rests on %s: %s', (date) => {
      expect(isWorkingDay(calendar, date)).toBe(false);
    });

    it('works the Mondays after 23 February and 8 March: the decree moved those days off elsewhere', () => {
      expect(isWorkingDay(calendar, '2025-02-24')).toBe(true);
      expect(isWorkingDay(calendar, '2025-03-10')).toBe(true);
    });

    it('works Saturday 1 November, the only weekend worked all year', () => {
      const weekends = daysOf(2025).filter((date) => [0, 6].includes(new Date(date).getUTCDay()));
      expect(weekends.filter((date) => isWorkingDay(calendar, date))).toEqual(['2025-11-01']);
    });
  });

  describe('in 2026 (decree № 1466 of 24.09.2025)', () => {
    it('rests from 1 to 11 January and goes back to work on Monday 12 January', () => {
      const january = daysOf(2026).slice(0, 12);
      expect(january.map((date) => isWorkingDay(calendar, date))).toEqual([...Array<boolean>(11).fill(false), true]);
    });

    it.each([
      ['2026-02-23', 'Defender of the Fatherland Day, a Monday'],
      ['2026-03-09', 'the Monday after 8 March, a Sunday'],
      ['2026-05-01', 'Labour Day, a Friday'],
      ['2026-05-11', 'the Monday after 9 May, a Saturday'],
      ['2026-06-12', 'Russia Day, a Friday'],
      ['2026-11-04', 'Unity Day, a Wednesday'],
      ['2026-12-31', 'a Thursday that takes the day off of Sunday 4 January'],
    ])('rests on %s: %s', (date) => {
      expect(isWorkingDay(calendar, date)).toBe(false);
    });

    it('works no Saturday or Sunday all year', () => {
      const weekends = daysOf(2026).filter((date) => [0, 6].includes(new Date(date).getUTCDay()));
      expect(weekends.filter((date) => isWorkingDay(calendar, date))).toEqual([]);
    });

    it('works the shortened eves of holidays as full days', () => {
      expect(['2026-04-30', '2026-05-08', '2026-06-11', '2026-11-03'].every((date) => isWorkingDay(calendar, date))).toBe(true);
    });
  });

  describe('in 2027 (decree № 1187 of 17.09.2026)', () => {
    it('works Saturday 20 February and rests on Monday 22 and Tuesday 23 February instead', () => {
      expect(['2027-02-20', '2027-02-21', '2027-02-22', '2027-02-23', '2027-02-24'].map((date) => isWorkingDay(calendar, date))).toEqual([
        true, false, false, false, true,
      ]);
    });

    it.each(['2027-01-08', '2027-05-03', '2027-05-10', '2027-06-14', '2027-11-04', '2027-11-05', '2027-12-31'])('rests on %s', (date) => {
      expect(isWorkingDay(calendar, date)).toBe(false);
    });

    it('goes back to work on Monday 11 January', () => {
      expect(isWorkingDay(calendar, '2027-01-11')).toBe(true);
    });
  });
});
