import { parseRules, RulesError, type RulesProblem } from '../../../rules';
import { SMALL, smallConfig } from '../small-config';
import { pathsAndMessages } from '../paths-and-messages';

function problemsOf(overrides: Record<string, unknown>): RulesProblem[] {
  try {
    parseRules(JSON.stringify({ ...SMALL, ...overrides }), 'json');
  } catch (err) {
    if (err instanceof RulesError) return pathsAndMessages(err.problems);
    throw err;
  }
  throw new Error('the rules were accepted');
}

/** The small process with its second stage (B) given these keys. */
function stageB(keys: Record<string, unknown>): Record<string, unknown> {
  return { stages: SMALL.stages.map((stage) => (stage.list === 'B' ? { ...stage, ...keys } : stage)) };
}

describe('the calendar section of a rules file', () => {
  describe('when a file has none', () => {
    it('works Monday to Friday, 09:00–18:00 Moscow time, on the built-in Russian calendar', () => {
      expect(smallConfig().calendar).toEqual({
        timeZone: 'Europe/Moscow',
        workingHours: { start: '09:00', end: '18:00' },
        weekends: [6, 0],
        holidays: [],
        workingDays: [],
        replaceBuiltIn: false,
      });
    });

    it('fills in the keys a partial section leaves out', () => {
      const config = smallConfig({ calendar: { timeZone: 'Asia/Yekaterinburg', workingHours: { end: '17:00' } } });
      expect(config.calendar).toMatchObject({ timeZone: 'Asia/Yekaterinburg', workingHours: { start: '09:00', end: '17:00' } });
    });
  });

  describe('when a value is wrong', () => {
    it.each([
      [{ timeZone: 'Europe/Moskow' }, 'calendar.timeZone', 'unknown time zone "Europe/Moskow" (did you mean "Europe/Moscow"?)'],
      [{ timeZone: 'Mars/Olympus' }, 'calendar.timeZone', 'unknown time zone "Mars/Olympus"; use an IANA name such as "Europe/Moscow"'],
      [{ holidays: ['2026-02-30'] }, 'calendar.holidays[0]', '"2026-02-30" is not a date written YYYY-MM-DD'],
      [{ workingDays: ['2026-3-14'] }, 'calendar.workingDays[0]', '"2026-3-14" is not a date written YYYY-MM-DD'],
      [{ workingHours: { start: '18:00', end: '09:00' } }, 'calendar.workingHours.end', 'the working day must end after it starts'],
      [{ workingHours: { start: '09:00', end: '09:00' } }, 'calendar.workingHours.end', 'the working day must end after it starts'],
      [
        { workingHours: { start: '9:00' } },
        'calendar.workingHours.start',
        '"9:00" is not valid: a time of day written HH:MM, 24-hour, e.g. "09:00"',
      ],
      [{ weekends: [6, 7] }, 'calendar.weekends[1]', 'must be at most 6'],
      [{ weekends: [0, 1, 2, 3, 4, 5, 6] }, 'calendar.weekends', 'at least one day of the week must be a working day'],
      [{ timezone: 'UTC' }, 'calendar.timezone', 'unknown key "timezone" (did you mean "timeZone"?)'],
      [
        { holidays: ['2026-03-10'], workingDays: ['2026-03-10'] },
        'calendar.workingDays[0]',
        '2026-03-10 is also a holiday (calendar.holidays[0]); it cannot be both',
      ],
    ])('refuses %j at %s', (calendar, path, message) => {
      expect(problemsOf({ calendar })).toEqual([{ path, message }]);
    });
  });
});

describe('the time keys of a stage', () => {
  it('accepts a limit in hours and an escalation in days', () => {
    const config = smallConfig(stageB({ limitWorkingHours: 4, escalateAfterWorkingDays: 1 }));
    expect(config.stages[1]).toMatchObject({ limitWorkingHours: 4, escalateAfterWorkingDays: 1 });
  });

  it.each([
    [
      { limitWorkingDays: 2, limitWorkingHours: 4 },
      'stages[1].limitWorkingHours',
      'give the limit in days or in hours, not both (limitWorkingDays is set too)',
    ],
    [
      { limitWorkingDays: 2, escalateAfterWorkingDays: 1, escalateAfterWorkingHours: 4 },
      'stages[1].escalateAfterWorkingHours',
      'give the escalation in days or in hours, not both (escalateAfterWorkingDays is set too)',
    ],
    [
      { escalateAfterWorkingHours: 4 },
      'stages[1].escalateAfterWorkingHours',
      'the escalation counts from the time limit; set limitWorkingDays or limitWorkingHours too',
    ],
    [{ limitWorkingHours: 0 }, 'stages[1].limitWorkingHours', 'must be at least 1'],
    [{ escalateAfterWorkingDays: 0.5, limitWorkingDays: 1 }, 'stages[1].escalateAfterWorkingDays', 'must be a whole number, not 0.5'],
  ])('refuses %j at %s', (keys, path, message) => {
    expect(problemsOf(stageB(keys))).toEqual([{ path, message }]);
  });
});
