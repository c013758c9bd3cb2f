import type { WorkCalendar } from '../calendar/calendar-of';
import type { ProcessConfig } from '../config/process-config';
import type { ReportSpan } from '../config/reports-schema';
import { normaliseName } from '../process/same-name';
import { activeDaysBetween, timedCards, type TimedCard } from './card-timeline';
import { monthStats } from './month-stats';
import { inPeriod, monthOf, monthsOf } from './months';
import type { Period, ReportCard } from './report-input';
import type { SpanFigures } from './report-types';
import { roundDays, statsOf } from './stats';

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
  // Both ends are arrivals, so the time between them is made of closed visits: `now` is not needed.
  return completionsOf(span, timedCards(config, calendar, cards, new Date(0)), calendar.timeZone);
}

/** spanCompletions read off the cards' timelines. */
export function completionsOf(span: ReportSpan, cards: readonly TimedCard[], timeZone: string): SpanCompletion[] {
  const [from, to] = [normaliseName(span.from), normaliseName(span.to)];
  return cards.flatMap(({ card, timeline }) => {
    const visits = timeline.visits;
    const start = visits.findIndex((v) => v.name === from);
    if (start < 0) return [];
    const end = visits.findIndex((v, i) => i > start && v.name === to);
    if (end < 0) return [];
    const completedAt = visits[end]!.start;
    const days = roundDays(activeDaysBetween(timeline, start, end));
    return [{ cardId: card.cardId, completedAt, month: monthOf(completedAt, timeZone), days }];
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
