import { dayNumber, localDateOf, utcMidnight, type LocalDate } from './local-date';

/**
 * Wall-clock time in a named time zone, through Intl only: rules/ is bundled into the Power-Up, so
 * no Node built-ins and no time-zone library. Intl knows every zone's offsets, past and future
 * (summer time included), which a fixed offset would not.
 */

/** What a clock on the wall in `timeZone` shows at `instant`: the date and minutes since midnight. */
export function wallClockAt(instant: number, timeZone: string): { date: LocalDate; minutes: number } {
  const wall = wallAsUtc(instant, timeZone);
  const date = localDateOf(wall);
  return { date, minutes: (wall - utcMidnight(date)) / 60_000 };
}

/**
 * The instant when the clock in `timeZone` shows `minutes` after midnight of `date`. The zone's
 * offset is read at a first guess and read again there, which settles it even on the day the
 * offset changes; a wall time skipped by a clock change lands just after the change.
 */
export function instantAt(date: LocalDate, minutes: number, timeZone: string): number {
  return instantAtDay(dayNumber(date), minutes, timeZone);
}

/** instantAt for a day number (see dayNumber). */
export function instantAtDay(day: number, minutes: number, timeZone: string): number {
  const wall = day * DAY + minutes * 60_000;
  const guess = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(guess, timeZone);
}

/** The date the clock in `timeZone` shows at `instant`, as a day number (see dayNumber). */
export function wallDayAt(instant: number, timeZone: string): number {
  return Math.floor(wallAsUtc(instant, timeZone) / DAY);
}

const DAY = 86_400_000;

/** Does Intl know this time zone? It throws a RangeError for one it does not. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading at `instant`, as the UTC milliseconds of the same reading (ms kept). */
function wallAsUtc(instant: number, timeZone: string): number {
  return instant + offsetAt(instant, timeZone);
}

/**
 * How far the zone's clock is ahead of UTC at `instant`, in ms. Asking Intl (formatToParts) is by far
 * the dearest step of measuring working time, and a report asks thousands of times, so the answer is
 * kept per zone per quarter hour: in every IANA zone today offsets are whole quarter hours and change
 * on a quarter-hour boundary, so one reading holds for the whole quarter. A quarter whose two ends
 * disagree (a change off the boundary, as with the local mean times and odd offsets of the past) is
 * not kept: each instant in it is asked for. A zone's cache is cleared past a size limit (a few years
 * of quarters, more than a board's history touches) so a long-running service never grows it.
 */
function offsetAt(instant: number, timeZone: string): number {
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  const quarter = Math.floor(instant / QUARTER_HOUR);
  const known = zone.get(quarter);
  if (known !== undefined) return known;
  const offset = intlOffsetAt(quarter * QUARTER_HOUR, timeZone);
  if (intlOffsetAt((quarter + 1) * QUARTER_HOUR - 1, timeZone) !== offset) return intlOffsetAt(instant, timeZone);
  if (zone.size >= MAX_QUARTERS_PER_ZONE) zone.clear();
  zone.set(quarter, offset);
  return offset;
}

const QUARTER_HOUR = 900_000;
const MAX_QUARTERS_PER_ZONE = 2 ** 17;
const offsets = new Map<string, Map<number, number>>();

/** The zone's offset at `instant` as Intl reads it, to the second. */
function intlOffsetAt(instant: number, timeZone: string): number {
  return intlWallAsUtc(instant, timeZone) - instant;
}

function intlWallAsUtc(instant: number, timeZone: string): number {
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
