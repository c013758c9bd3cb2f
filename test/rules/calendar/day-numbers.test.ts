import { calendarOf, isWorkingDay, type LocalDate, type WorkCalendar } from '../../../rules';
import { isWorkingDayNumber } from '../../../rules/calendar/is-working-day';
import { addDays, dayNumber, isLocalDate, utcMidnight, weekdayOf } from '../../../rules/calendar/local-date';
import { smallConfig } from '../small-config';
import { workCalendar } from './work-calendars';

// Working time is measured on day numbers and the calendar's sorted lists, not on YYYY-MM-DD and
// its sets: the same days, found faster. These hold the two ways to the same answers.

const CALENDARS: [string, WorkCalendar][] = [
  ['the default calendar', workCalendar()],
  ['a calendar with its own days', workCalendar({ holidays: ['2026-03-10', '2026-03-15', '2025-11-01'], workingDays: ['2026-03-14', '2026-12-31', '2026-01-05'] })],
  ['a Sunday-only weekend', workCalendar({ weekends: [0] })],
  ['no built-in calendar', workCalendar({ replaceBuiltIn: true, weekends: [5, 6], holidays: ['2026-01-01'] })],
];

function everyDay(from: LocalDate, to: LocalDate): LocalDate[] {
  const days: LocalDate[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) days.push(date);
  return days;
}

describe.each(CALENDARS)('isWorkingDayNumber on %s', (_, calendar) => {
  it('agrees with isWorkingDay on every day of 2024–2028', () => {
    for (const date of everyDay('2024-01-01', '2028-12-31')) {
      expect({ date, working: isWorkingDayNumber(calendar, dayNumber(date)) }).toEqual({ date, working: isWorkingDay(calendar, date) });
    }
  });
});

describe('day numbers', () => {
  it('count days from 1 January 1970, before it too', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2026-06-15')).toBe(Date.UTC(2026, 5, 15) / 86_400_000);
    expect(dayNumber('1969-12-31')).toBe(-1);
  });

  it('give the weekday as Date does, before 1970 too', () => {
    for (const date of everyDay('1969-12-01', '1970-01-31').concat(everyDay('2026-02-20', '2026-03-10'))) {
      expect({ date, weekday: weekdayOf(date) }).toEqual({ date, weekday: new Date(`${date}T00:00:00Z`).getUTCDay() });
    }
  });

  it('read and write dates as before: a real date round-trips, 30 February does not', () => {
    expect(utcMidnight('2026-03-01')).toBe(Date.UTC(2026, 2, 1));
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('0999-12-31', 1)).toBe(new Date(Date.UTC(1000, 0, 1)).toISOString().slice(0, 10));
    expect(isLocalDate('2026-02-30')).toBe(false);
    expect(isLocalDate('2028-02-29')).toBe(true);
  });
});

describe('calendarOf', () => {
  it('resolves a rules object once: the same calendar every time', () => {
    const config = smallConfig({ calendar: { timeZone: 'Europe/Berlin' } });
    expect(calendarOf(config)).toBe(calendarOf(config));
    expect(calendarOf({ calendar: config.calendar })).toBe(calendarOf(config));
  });

  it('resolves another rules file on its own', () => {
    const [berlin, moscow] = [smallConfig({ calendar: { timeZone: 'Europe/Berlin' } }), smallConfig()];
    expect(calendarOf(berlin).timeZone).toBe('Europe/Berlin');
    expect(calendarOf(moscow).timeZone).toBe('Europe/Moscow');
  });

  it('lists the holidays on weekdays and the worked weekends as sorted day numbers', () => {
    const calendar = workCalendar({ replaceBuiltIn: true, holidays: ['2026-03-10', '2026-03-15', '2026-03-09'], workingDays: ['2026-03-21', '2026-03-14'] });
    expect(calendar.holidaysOnWeekdays).toEqual([dayNumber('2026-03-09'), dayNumber('2026-03-10')]);
    expect(calendar.workedWeekends).toEqual([dayNumber('2026-03-14'), dayNumber('2026-03-21')]);
  });

  it('cannot be changed by whoever receives it', () => {
    expect(Object.isFrozen(workCalendar())).toBe(true);
  });
});
