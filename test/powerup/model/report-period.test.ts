import { formatDate, monthLabel, personName } from '../../../powerup/model/report-format';
import { monthStart, periodRange } from '../../../powerup/model/report-period';

const NOW = new Date('2026-11-27T13:30:00Z');

describe('the summary’s periods', () => {
  it('count months in the calendar’s time zone, not the browser’s', () => {
    // Midnight of 1 November in Moscow is 21:00 UTC the day before.
    expect(monthStart(NOW, 'Europe/Moscow', 0).toISOString()).toBe('2026-10-31T21:00:00.000Z');
    expect(monthStart(new Date('2026-10-31T22:00:00Z'), 'Europe/Moscow', 0).toISOString()).toBe('2026-10-31T21:00:00.000Z');
    expect(monthStart(NOW, 'America/New_York', -1).toISOString()).toBe('2026-10-01T04:00:00.000Z');
  });

  it('answer from (inclusive) and to (exclusive) for each choice', () => {
    expect(periodRange('this-month', NOW, 'Europe/Moscow')).toEqual({ from: '2026-10-31T21:00:00.000Z', to: NOW.toISOString() });
    expect(periodRange('last-month', NOW, 'Europe/Moscow')).toEqual({ from: '2026-09-30T21:00:00.000Z', to: '2026-10-31T21:00:00.000Z' });
    expect(periodRange('90-days', NOW, 'Europe/Moscow')).toEqual({ from: '2026-08-29T13:30:00.000Z', to: NOW.toISOString() });
    expect(periodRange('12-months', NOW, 'Europe/Moscow').from).toBe('2025-11-30T21:00:00.000Z');
  });
});

describe('how the director’s view writes things', () => {
  it('writes dates DD.MM.YYYY in the given zone, months by name, people by full name', () => {
    expect(formatDate('2026-10-31T22:00:00Z', 'Europe/Moscow')).toBe('01.11.2026');
    expect(formatDate('2026-10-31T22:00:00Z', 'UTC')).toBe('31.10.2026');
    expect(monthLabel('2026-05', 'ru')).toBe('май 2026');
    expect(monthLabel('2026-05', 'en')).toBe('May 2026');
    expect(monthLabel('2026-11', 'ru', true)).toBe('Нояб');
    // «авг.» keeps its «г»: only the year's « г.» goes.
    expect(monthLabel('2026-08', 'ru', true)).toBe('Авг');
    expect(monthLabel('2026-08', 'ru')).toBe('август 2026');
    expect(personName({ username: 'manager', fullName: 'Максим Менеджеров' })).toBe('Максим Менеджеров');
    expect(personName({ username: 'accountant', fullName: null })).toBe('accountant');
  });
});
