import { calendarOf, type WorkCalendar } from '../../../rules';
import { smallConfig } from '../small-config';

/** The working calendar of a small rules file with this `calendar:` section (defaults when empty). */
export function workCalendar(calendar: Record<string, unknown> = {}): WorkCalendar {
  return calendarOf(smallConfig({ calendar }));
}

/** '2026-03-13 17:00' on Moscow's clock (UTC+3 all year, no summer time since 2014). */
export function moscow(wallTime: string): Date {
  return new Date(`${wallTime.replace(' ', 'T')}:00+03:00`);
}

/** '2026-03-13 17:00' on Yekaterinburg's clock (UTC+5 all year). */
export function yekaterinburg(wallTime: string): Date {
  return new Date(`${wallTime.replace(' ', 'T')}:00+05:00`);
}
