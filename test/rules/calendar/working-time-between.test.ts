import { workingTimeBetween } from '../../../rules';
import { moscow, workCalendar } from './work-calendars';

const calendar = workCalendar();

describe('workingTimeBetween, Moscow, 09:00–18:00', () => {
  it.each([
    ['within one morning', '2026-03-16 09:30', '2026-03-16 11:00', 1.5],
    ['over a weekend', '2026-03-13 17:00', '2026-03-16 10:00', 2],
    ['over a whole week', '2026-03-16 09:00', '2026-03-20 18:00', 45],
    ['from a Saturday to a Monday noon', '2026-03-14 12:00', '2026-03-16 12:00', 3],
    ['from night to night', '2026-03-17 02:00', '2026-03-17 23:00', 9],
    ['over 31 December 2025 and the New Year holidays of 2026', '2025-12-30 17:00', '2026-01-12 10:00', 1 + 1],
    ['over 31 December 2026 and the New Year of 2027', '2026-12-30 17:00', '2027-01-11 10:00', 2],
    ['over 23 February 2026', '2026-02-20 17:00', '2026-02-24 10:00', 2],
    ['over Saturday 20 February 2027, a working day', '2027-02-19 17:00', '2027-02-20 10:00', 2],
  ])('counts %s', (_, from, to, hours) => {
    expect(workingTimeBetween(calendar, moscow(from), moscow(to)).hours).toBeCloseTo(hours, 9);
  });

  it('gives days in working days of nine hours', () => {
    expect(workingTimeBetween(calendar, moscow('2026-03-16 09:00'), moscow('2026-03-17 13:30'))).toEqual({ hours: 13.5, days: 1.5 });
  });

  it('counts nothing when the end is not after the start', () => {
    expect(workingTimeBetween(calendar, moscow('2026-03-17 12:00'), moscow('2026-03-16 12:00'))).toEqual({ hours: 0, days: 0 });
    expect(workingTimeBetween(calendar, moscow('2026-03-17 12:00'), moscow('2026-03-17 12:00'))).toEqual({ hours: 0, days: 0 });
  });

  it('counts nothing over a weekend alone', () => {
    expect(workingTimeBetween(calendar, moscow('2026-03-13 18:00'), moscow('2026-03-16 09:00')).hours).toBe(0);
  });
});
