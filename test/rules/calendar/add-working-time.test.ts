import { addWorkingTime } from '../../../rules';
import { moscow, workCalendar } from './work-calendars';

const calendar = workCalendar();

describe('addWorkingTime, Moscow, 09:00–18:00', () => {
  describe('on an ordinary week (March 2026)', () => {
    it('moves Friday 17:00 + 2 working hours to Monday 10:00', () => {
      expect(addWorkingTime(calendar, moscow('2026-03-13 17:00'), { hours: 2 })).toEqual(moscow('2026-03-16 10:00'));
    });

    it('ends a deadline that fills the day at 18:00 that day, not the next morning', () => {
      expect(addWorkingTime(calendar, moscow('2026-03-13 17:00'), { hours: 1 })).toEqual(moscow('2026-03-13 18:00'));
    });

    it('counts a working day as nine working hours', () => {
      expect(addWorkingTime(calendar, moscow('2026-03-11 14:30'), { days: 2 })).toEqual(moscow('2026-03-13 14:30'));
      expect(addWorkingTime(calendar, moscow('2026-03-11 14:30'), { days: 1, hours: 4 })).toEqual(moscow('2026-03-13 09:30'));
    });

    it('keeps the start when there is nothing to add', () => {
      expect(addWorkingTime(calendar, moscow('2026-03-14 03:17'), {})).toEqual(moscow('2026-03-14 03:17'));
    });
  });

  describe('when the card arrives outside working hours', () => {
    it.each([
      ['at night', '2026-03-17 03:00', '2026-03-17 10:00'],
      ['in the evening', '2026-03-17 20:15', '2026-03-18 10:00'],
      ['on Saturday', '2026-03-14 12:00', '2026-03-16 10:00'],
      ['on Sunday night', '2026-03-15 23:59', '2026-03-16 10:00'],
    ])('%s, starts counting at the next 09:00', (_, from, deadline) => {
      expect(addWorkingTime(calendar, moscow(from), { hours: 1 })).toEqual(moscow(deadline));
    });
  });

  describe('across holidays', () => {
    it('skips the New Year holidays of 2026: 1 January + 1 hour is Monday 12 January 10:00', () => {
      expect(addWorkingTime(calendar, moscow('2026-01-01 12:00'), { hours: 1 })).toEqual(moscow('2026-01-12 10:00'));
    });

    it('skips 23 February 2026: Friday 17:00 + 2 hours is Tuesday 24 February 10:00', () => {
      expect(addWorkingTime(calendar, moscow('2026-02-20 17:00'), { hours: 2 })).toEqual(moscow('2026-02-24 10:00'));
    });

    it('skips 31 December 2026 and the New Year of 2027: Wednesday 30 December 17:00 + 2 hours is Monday 11 January', () => {
      expect(addWorkingTime(calendar, moscow('2026-12-30 17:00'), { hours: 2 })).toEqual(moscow('2027-01-11 10:00'));
    });

    it('works the transferred Saturday 20 February 2027, then skips Monday and Tuesday', () => {
      expect(addWorkingTime(calendar, moscow('2027-02-19 17:00'), { hours: 2 })).toEqual(moscow('2027-02-20 10:00'));
      expect(addWorkingTime(calendar, moscow('2027-02-20 17:00'), { hours: 2 })).toEqual(moscow('2027-02-24 10:00'));
    });

    it('works a Saturday the rules file lists as a working day', () => {
      const withSaturday = workCalendar({ workingDays: ['2026-03-14'] });
      expect(addWorkingTime(withSaturday, moscow('2026-03-13 17:00'), { hours: 2 })).toEqual(moscow('2026-03-14 10:00'));
    });
  });

  describe('when the amount makes no sense', () => {
    it.each([{ hours: -1 }, { days: Number.NaN }])('refuses %j', (amount) => {
      expect(() => addWorkingTime(calendar, moscow('2026-03-13 17:00'), amount)).toThrow(RangeError);
    });
  });
});
