import type { WorkCalendar } from '../calendar/calendar-of';
import type { ProcessConfig } from '../config/process-config';
import type { ReportSpan } from '../config/reports-schema';
import { sameName } from '../process/same-name';
import { monthStats } from './month-stats';
import { inPeriod, monthOf, monthsOf } from './months';
import type { Period, ReportCard } from './report-input';
import type { SpanFigures } from './report-types';
import { roundDays, statsOf } from './stats';
import { activeDays, timedVisits } from './visit-time';

/** A card that went through a span: when it reached the span's end, and how long it took. */
export type SpanCompletion = { cardId: string; completedAt: Date; month: string; days: number };

/**
 * Every card that went through the span: its first arrival in `to` after its first arrival in
 * `from`, and the working days between the two, suspension excluded.
 */
export function spanCompletions(
  config: ProcessConfig,
  calendar: WorkCalendar,
  span: ReportSpan,
  cards: readonly ReportCard[],
): SpanCompletion[] {
  return cards.flatMap((card) => {
    // Both ends are arrivals, so the time between them is made of closed visits: `now` is not needed.
    const timed = timedVisits(config, card.visits, new Date(0));
    const start = timed.findIndex((v) => sameName(v.visit.stage, span.from));
    if (start < 0) return [];
    const end = timed.findIndex((v, i) => i > start && sameName(v.visit.stage, span.to));
    if (end < 0) return [];
    const [from, to] = [timed[start]!.start, timed[end]!.start];
    return [{ cardId: card.cardId, completedAt: to, month: monthOf(to, calendar.timeZone), days: roundDays(activeDays(calendar, timed, from, to)) }];
  });
}

/** A span's figures over what completed it in the period, and per month of the period. */
export function spanFigures(
  span: ReportSpan,
  completions: readonly SpanCompletion[],
  period: Period,
  timeZone: string,
): SpanFigures {
  const inside = completions.filter((c) => inPeriod(c.completedAt, period));
  return {
    key: span.key,
    label: span.label,
    from: span.from,
    to: span.to,
    stats: statsOf(inside.map((c) => c.days)),
    months: monthStats(monthsOf(period, timeZone), inside),
  };
}
