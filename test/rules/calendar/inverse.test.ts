import { addWorkingTime, workingTimeBetween, type WorkCalendar } from '../../../rules';
import { workCalendar } from './work-calendars';

/** A fixed-seed generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const SPAN = Date.UTC(2027, 11, 20) - Date.UTC(2025, 11, 20);

describe.each([
  ['Moscow', workCalendar()],
  ['Yekaterinburg, 08:30–17:15', workCalendar({ timeZone: 'Asia/Yekaterinburg', workingHours: { start: '08:30', end: '17:15' } })],
  ['Berlin, no built-in calendar', workCalendar({ timeZone: 'Europe/Berlin', replaceBuiltIn: true })],
])('addWorkingTime and workingTimeBetween in %s', (_, calendar: WorkCalendar) => {
  const next = random(2026);
  const starts = Array.from({ length: 400 }, () => new Date(Date.UTC(2025, 11, 20) + Math.floor(next() * SPAN / 60_000) * 60_000));

  it('undo each other: the working time from a start to its deadline is the amount added', () => {
    for (const from of starts) {
      const hours = Math.round(next() * 240) / 4; // up to 60 hours, in quarters
      const deadline = addWorkingTime(calendar, from, { hours });
      expect({ from, hours: workingTimeBetween(calendar, from, deadline).hours }).toEqual({ from, hours: expect.closeTo(hours, 9) });
    }
  });

  it('give back the earliest instant: no working time lies between it and the end measured', () => {
    for (const from of starts) {
      const to = new Date(from.getTime() + Math.floor(next() * 20 * 86_400_000));
      const { hours } = workingTimeBetween(calendar, from, to);
      const deadline = addWorkingTime(calendar, from, { hours });
      expect(deadline.getTime()).toBeLessThanOrEqual(to.getTime());
      expect(workingTimeBetween(calendar, deadline, to).hours).toBe(0);
    }
  });
});
