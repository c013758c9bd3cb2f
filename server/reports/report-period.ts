import { z } from 'zod';
import { instantAt } from '../../rules/calendar/zone-clock';
import { addDays, isLocalDate, type LocalDate } from '../../rules/calendar/local-date';
import { ApiError } from '../powerup-api/api-errors';

const DAY_MS = 24 * 3600_000;
/** With no `from`, the summary covers the 90 days up to `to`. */
export const DEFAULT_PERIOD_DAYS = 90;
/** Years of stage histories and audit log read in one request: beyond this, ask for less. */
export const MAX_PERIOD_DAYS = 3 * 366;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const Bound = z.string().trim().refine((text) => isLocalDate(text) || (INSTANT.test(text) && !Number.isNaN(Date.parse(text))), {
  message: 'a date is YYYY-MM-DD or an ISO instant such as 2026-11-01T00:00:00Z',
});
const PeriodQuery = z.object({ from: Bound.optional(), to: Bound.optional() });

export type Period = { from: Date; to: Date };

/**
 * `?from&to` of the summary: ISO instants, or calendar dates of the rules' time zone, where a date
 * means the whole day (`from=2026-11-01&to=2026-11-30` is all of November). `to` is exclusive and
 * defaults to now, `from` to 90 days before `to`. A period that is reversed, empty or longer than
 * three years is a 400 that says which.
 */
export function parsePeriod(query: unknown, timeZone: string, now: Date): Period {
  const parsed = PeriodQuery.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError(400, 'bad_period', `${issue?.path.join('.') ?? 'period'}: ${issue?.message ?? 'not a date'}`);
  }
  const to = parsed.data.to ? boundary(parsed.data.to, timeZone, 1) : now;
  const from = parsed.data.from ? boundary(parsed.data.from, timeZone, 0) : new Date(to.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS);
  if (from >= to) {
    throw new ApiError(400, 'bad_period', `the period starts (${from.toISOString()}) at or after it ends (${to.toISOString()}); from must come before to`);
  }
  if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS) {
    throw new ApiError(400, 'bad_period', 'the period is longer than three years; ask for a shorter one');
  }
  return { from, to };
}

/** An instant as given, or the start of a date (`daysAfter` 1: of the day after, so that `to` covers its date). */
function boundary(text: string, timeZone: string, daysAfter: number): Date {
  if (!DATE.test(text)) return new Date(text);
  const date: LocalDate = addDays(text, daysAfter);
  return new Date(instantAt(date, 0, timeZone));
}
