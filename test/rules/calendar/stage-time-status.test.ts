import { stageEscalation, stageLimit, stageTimeStatus } from '../../../rules';
import { loadDefaultRules, STAGE } from '../default-rules';
import { SMALL, smallConfig } from '../small-config';
import { moscow } from './work-calendars';

const config = smallConfig({
  stages: [
    { ...SMALL.stages[0], limitWorkingDays: 2, escalateAfterWorkingDays: 1 },
    { ...SMALL.stages[1], limitWorkingHours: 4, escalateAfterWorkingHours: 2 },
    SMALL.stages[2],
  ],
});

describe('stageLimit', () => {
  it('gives a limit in days as that many working days of the calendar', () => {
    expect(stageLimit(config, 'A')).toEqual({ hours: 18 });
    const shortDays = smallConfig({ ...config, calendar: { workingHours: { start: '10:00', end: '16:00' } } });
    expect(stageLimit(shortDays, 'A')).toEqual({ hours: 12 });
  });

  it('gives a limit in hours as it is, and matches the list name as the engine does', () => {
    expect(stageLimit(config, ' b ')).toEqual({ hours: 4 });
  });

  it('gives none for a stage without a limit or a list outside the process', () => {
    expect(stageLimit(config, 'C')).toBeNull();
    expect(stageLimit(config, 'Архив')).toBeNull();
  });

  it('gives the escalation in working hours too', () => {
    expect([stageEscalation(config, 'A'), stageEscalation(config, 'B'), stageEscalation(config, 'C')]).toEqual([
      { hours: 9 }, { hours: 2 }, null,
    ]);
  });
});

describe('stageTimeStatus', () => {
  describe('when a card entered a two-day stage on Friday 13 March 2026 at 17:00', () => {
    const entered = moscow('2026-03-13 17:00');
    const at = (now: string) => stageTimeStatus(config, 'A', entered, moscow(now));

    it('sets the deadline two working days on, Tuesday 17:00, and the escalation a day later', () => {
      expect(at('2026-03-16 12:00')).toMatchObject({
        deadline: moscow('2026-03-17 17:00'),
        escalation: moscow('2026-03-18 17:00'),
        limit: { hours: 18, days: 2 },
      });
    });

    it.each([
      ['2026-03-14 15:00', 1, 'ok'],
      ['2026-03-16 12:00', 4, 'ok'],
      ['2026-03-17 12:29', 13.5 - 1 / 60, 'ok'],
      ['2026-03-17 12:30', 13.5, 'warning'],
      ['2026-03-17 16:59', 18 - 1 / 60, 'warning'],
      ['2026-03-17 17:00', 18, 'overdue'],
      ['2026-03-21 12:00', 19 + 9 + 9 + 9, 'overdue'],
    ])('at %s has spent about %d working hours and is %s', (now, hours, state) => {
      const status = at(now);
      expect(status.elapsed.hours).toBeCloseTo(hours, 9);
      expect(status.elapsed.days).toBeCloseTo(hours / 9, 9);
      expect(status.state).toBe(state);
    });
  });

  describe('when the stage counts hours', () => {
    const entered = moscow('2026-03-17 16:00');

    it('is due four working hours on, the next morning at 11:00, and escalates two hours later', () => {
      const status = stageTimeStatus(config, 'B', entered, moscow('2026-03-18 10:00'));
      expect(status).toEqual({
        elapsed: { hours: 3, days: 3 / 9 },
        limit: { hours: 4, days: 4 / 9 },
        deadline: moscow('2026-03-18 11:00'),
        escalation: moscow('2026-03-18 13:00'),
        state: 'warning',
      });
    });
  });

  describe('when the stage has no limit', () => {
    it('still counts the time spent, with no deadline', () => {
      expect(stageTimeStatus(config, 'C', moscow('2026-03-16 09:00'), moscow('2026-03-16 18:00'))).toEqual({
        elapsed: { hours: 9, days: 1 },
        limit: null,
        deadline: null,
        escalation: null,
        state: 'no-limit',
      });
    });
  });
});

describe('the default process', () => {
  const defaults = loadDefaultRules();

  it('counts Moscow working time on the built-in calendar', () => {
    expect(defaults.calendar).toMatchObject({
      timeZone: 'Europe/Moscow',
      workingHours: { start: '09:00', end: '18:00' },
      replaceBuiltIn: false,
    });
  });

  it('gives a card entering «Подключение» on Tuesday at 10:00 until Thursday at 10:00', () => {
    const status = stageTimeStatus(defaults, STAGE.connection, moscow('2026-03-17 10:00'), moscow('2026-03-17 10:00'));
    expect(status.deadline).toEqual(moscow('2026-03-19 10:00'));
  });

  it('escalates a card due on Friday at 18:00 on Monday at 18:00', () => {
    const status = stageTimeStatus(defaults, STAGE.connection, moscow('2026-03-12 09:00'), moscow('2026-03-12 09:00'));
    expect(status).toMatchObject({ deadline: moscow('2026-03-13 18:00'), escalation: moscow('2026-03-16 18:00') });
  });

  it('tells the director a working day after the engineer misses the connection deadline', () => {
    const status = stageTimeStatus(defaults, STAGE.connection, moscow('2026-12-29 10:00'), moscow('2026-12-30 10:00'));
    // Two working days from Tuesday 29 December run to 10:00 on Monday 11 January, past the New Year.
    expect(status).toMatchObject({ deadline: moscow('2027-01-11 10:00'), escalation: moscow('2027-01-12 10:00'), state: 'ok' });
  });
});
