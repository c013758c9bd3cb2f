import { isWorkingDay } from '../../../rules';
import { workCalendar } from './work-calendars';

describe('isWorkingDay', () => {
  it('works Monday to Friday and rests at the weekend outside the built-in years', () => {
    const calendar = workCalendar();
    const fridayToMonday = ['2028-06-16', '2028-06-17', '2028-06-18', '2028-06-19'];
    expect(fridayToMonday.map((date) => isWorkingDay(calendar, date))).toEqual([true, false, false, true]);
  });

  describe('when the rules file adds its own days', () => {
    const calendar = workCalendar({ holidays: ['2026-03-10'], workingDays: ['2026-03-14'] });

    it('rests on an extra holiday', () => {
      expect(isWorkingDay(calendar, '2026-03-10')).toBe(false);
    });

    it('works a Saturday listed as a working day', () => {
      expect(isWorkingDay(calendar, '2026-03-14')).toBe(true);
    });

    it('keeps the built-in calendar as well', () => {
      expect(isWorkingDay(calendar, '2026-02-23')).toBe(false);
    });
  });

  describe('when the rules file contradicts the built-in calendar', () => {
    const calendar = workCalendar({ workingDays: ['2026-12-31'], holidays: ['2027-02-20'] });

    it('works a built-in holiday it lists as a working day', () => {
      expect(isWorkingDay(calendar, '2026-12-31')).toBe(true);
    });

    it('rests on a built-in working Saturday it lists as a holiday', () => {
      expect(isWorkingDay(calendar, '2027-02-20')).toBe(false);
    });
  });

  describe('when the rules file replaces the built-in calendar', () => {
    const calendar = workCalendar({ replaceBuiltIn: true, holidays: ['2026-12-25'] });

    it('forgets the Russian holidays and transfers', () => {
      expect(['2026-01-05', '2026-12-31'].map((date) => isWorkingDay(calendar, date))).toEqual([true, true]);
      expect(isWorkingDay(calendar, '2027-02-20')).toBe(false);
    });

    it('keeps its own holidays', () => {
      expect(isWorkingDay(calendar, '2026-12-25')).toBe(false);
    });
  });

  it('takes the days off the rules file gives (a Sunday-only weekend)', () => {
    const calendar = workCalendar({ weekends: [0], replaceBuiltIn: true });
    expect(['2026-03-14', '2026-03-15'].map((date) => isWorkingDay(calendar, date))).toEqual([true, false]);
  });
});
