import { monthOf, monthsEndingWith, monthsOf, shiftMonth } from '../../../rules';

describe('report months', () => {
  it('takes the month on the wall calendar of the zone', () => {
    const instant = new Date('2026-03-31T22:00:00Z'); // 01:00 on 1 April in Moscow
    expect(monthOf(instant, 'Europe/Moscow')).toBe('2026-04');
    expect(monthOf(instant, 'UTC')).toBe('2026-03');
  });

  it('shifts across years', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
    expect(shiftMonth('2026-06', -12)).toBe('2025-06');
  });

  it('lists every month a period touches, the end excluded', () => {
    const moscowMidnight = (date: string) => new Date(`${date}T00:00:00+03:00`);
    expect(monthsOf({ from: moscowMidnight('2026-04-01'), to: moscowMidnight('2026-07-01') }, 'Europe/Moscow')).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(monthsOf({ from: moscowMidnight('2025-12-15'), to: moscowMidnight('2026-01-02') }, 'Europe/Moscow')).toEqual(['2025-12', '2026-01']);
    expect(monthsOf({ from: moscowMidnight('2026-04-01'), to: moscowMidnight('2026-04-01') }, 'Europe/Moscow')).toEqual([]);
  });

  it('lists the months up to one, oldest first', () => {
    expect(monthsEndingWith('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
  });
});
