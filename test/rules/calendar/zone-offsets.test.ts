import { instantAt, wallClockAt, wallDayAt } from '../../../rules/calendar/zone-clock';

// zone-clock keeps each zone's UTC offset per quarter hour. These compare it with Intl asked afresh
// for every instant — what zone-clock did before the cache — where offsets change: Moscow's move to
// permanent summer time (27 March 2011) and back to UTC+3 (26 October 2014), Berlin's summer time
// both ways, Kathmandu's +05:45, and offsets of the past that changed off the quarter hour: Moscow's
// with seconds (1 July 1917 at 20:28:41 UTC) and Monrovia's −00:44:30 (7 January 1972).

const MINUTE = 60_000;
const QUARTER = 15 * MINUTE;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset at `instant`, from Intl, uncached: the reference. */
function intlOffset(instant: number, timeZone: string): number {
  if (!formatters.has(timeZone)) {
    formatters.set(timeZone, new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    }));
  }
  const parts = formatters.get(timeZone)!.formatToParts(instant);
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) + (((instant % 1000) + 1000) % 1000);
  return wall - instant;
}

function referenceWallClock(instant: number, timeZone: string): { date: string; minutes: number } {
  const wall = instant + intlOffset(instant, timeZone);
  const date = new Date(wall).toISOString().slice(0, 10);
  return { date, minutes: (wall - Date.parse(date)) / MINUTE };
}

/** instantAt as it was: the offset read at a first guess, and read again there. */
function referenceInstant(date: string, minutes: number, timeZone: string): number {
  const wall = Date.parse(date) + minutes * MINUTE;
  return wall - intlOffset(wall - intlOffset(wall, timeZone), timeZone);
}

/** A day of instants around `utc`: each quarter hour and a millisecond either side, odd ones between, and the centre itself. */
function instantsAround(utc: string): number[] {
  const centre = Date.parse(utc);
  const instants = [centre - 1000, centre - 1, centre, centre + 1, centre + 1000];
  const first = Math.floor(centre / QUARTER) * QUARTER - 12 * 4 * QUARTER;
  for (let t = first; t <= first + 24 * 4 * QUARTER; t += QUARTER) instants.push(t - 1, t, t + 1, t + 7 * MINUTE + 13_579);
  return instants;
}

describe.each([
  ['Moscow, 2011: to permanent summer time', 'Europe/Moscow', '2011-03-26T23:00:00Z'],
  ['Moscow, 2014: back to UTC+3', 'Europe/Moscow', '2014-10-25T22:00:00Z'],
  ['Berlin, spring forward', 'Europe/Berlin', '2026-03-29T01:00:00Z'],
  ['Berlin, fall back', 'Europe/Berlin', '2026-10-25T01:00:00Z'],
  ['Moscow, 1917: a change off the quarter hour', 'Europe/Moscow', '1917-07-01T20:28:41Z'],
  ['Kathmandu: +05:45', 'Asia/Kathmandu', '2026-06-01T00:00:00Z'],
  ['Monrovia, 1972: from −00:44:30 to UTC, off the quarter hour', 'Africa/Monrovia', '1972-01-07T00:44:30Z'],
])('the zone offset cache, %s', (_, timeZone, around) => {
  const instants = instantsAround(around);

  it('reads the wall clock as Intl does, asked twice (the second time from the cache)', () => {
    for (let pass = 0; pass < 2; pass++) {
      for (const instant of instants) {
        const reference = referenceWallClock(instant, timeZone);
        expect({ instant, ...wallClockAt(instant, timeZone) }).toEqual({ instant, ...reference });
        expect(wallDayAt(instant, timeZone) * DAY).toBe(Date.parse(reference.date));
      }
    }
  });

  it('finds the instant of a wall time as before the cache, the skipped and the doubled ones too', () => {
    const days = [-1, 0, 1].map((d) => new Date(Date.parse(around) + d * DAY).toISOString().slice(0, 10));
    for (const date of days) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 5) {
        expect({ date, minutes, instant: instantAt(date, minutes, timeZone) }).toEqual({ date, minutes, instant: referenceInstant(date, minutes, timeZone) });
      }
    }
  });
});
