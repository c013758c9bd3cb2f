import { utcMidnight, type LocalDate } from './local-date';

/**
 * Wall-clock time in a named time zone, through Intl only: rules/ is bundled into the Power-Up, so
 * no Node built-ins and no time-zone library. Intl knows every zone's offsets, past and future
 * (summer time included), which a fixed offset would not.
 */

/** What a clock on the wall in `timeZone` shows at `instant`: the date and minutes since midnight. */
export function wallClockAt(instant: number, timeZone: string): { date: LocalDate; minutes: number } {
  const wall = wallAsUtc(instant, timeZone);
  const date = new Date(wall).toISOString().slice(0, 10);
  return { date, minutes: (wall - utcMidnight(date)) / 60_000 };
}

/**
 * The instant when the clock in `timeZone` shows `minutes` after midnight of `date`. The zone's
 * offset is read at a first guess and read again there, which settles it even on the day the
 * offset changes; a wall time skipped by a clock change lands just after the change.
 */
export function instantAt(date: LocalDate, minutes: number, timeZone: string): number {
  const wall = utcMidnight(date) + minutes * 60_000;
  const guess = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(guess, timeZone);
}

/** Does Intl know this time zone? It throws a RangeError for one it does not. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function offsetAt(instant: number, timeZone: string): number {
  return wallAsUtc(instant, timeZone) - instant;
}

/** The wall-clock reading at `instant`, as the UTC milliseconds of the same reading (ms kept). */
function wallAsUtc(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = Number(part.value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second) + (((instant % 1000) + 1000) % 1000);
}

// Building an Intl.DateTimeFormat costs far more than using one, and a deadline walks many days;
// one formatter per zone is kept. The cache holds no state but these immutable formatters.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}
