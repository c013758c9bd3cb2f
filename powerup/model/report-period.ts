// The summary's periods as the API takes them: ISO instants, `from` inclusive, `to` exclusive,
// months counted in the calendar's time zone (the board's, not the browser's).

export const PERIODS = ['this-month', 'last-month', '90-days', '12-months'] as const;
export type PeriodKey = (typeof PERIODS)[number];

/** The API's own default (last 90 days) is what the page asks for first. */
export const DEFAULT_PERIOD: PeriodKey = '90-days';

const DAY_MS = 24 * 3600_000;

export function periodRange(key: PeriodKey, now: Date, timeZone: string): { from: string; to: string } {
  const nowIso = now.toISOString();
  switch (key) {
    case 'this-month':
      return { from: monthStart(now, timeZone, 0).toISOString(), to: nowIso };
    case 'last-month':
      return { from: monthStart(now, timeZone, -1).toISOString(), to: monthStart(now, timeZone, 0).toISOString() };
    case '90-days':
      return { from: new Date(now.getTime() - 90 * DAY_MS).toISOString(), to: nowIso };
    case '12-months':
      // This month and the eleven before it: twelve calendar months, as the trend shows them.
      return { from: monthStart(now, timeZone, -11).toISOString(), to: nowIso };
  }
}

/** Midnight of the 1st of the month `offset` months from `now`'s month, in `timeZone`. */
export function monthStart(now: Date, timeZone: string, offset: number): Date {
  const { year, month } = zonedParts(now, timeZone);
  const target = new Date(Date.UTC(year, month - 1 + offset, 1));
  // The wall-clock midnight as if it were UTC, corrected by the zone's offset then (twice, for a
  // change of offset between the guess and the answer).
  let instant = target.getTime() - zoneOffsetMs(target, timeZone);
  instant = target.getTime() - zoneOffsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

function zonedParts(date: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(date);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second') };
}

/** How far `timeZone`'s wall clock is ahead of UTC at `date`. */
function zoneOffsetMs(date: Date, timeZone: string): number {
  const p = zonedParts(date, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(date.getTime() / 1000) * 1000;
}
