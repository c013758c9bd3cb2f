import type { WorkCalendar } from '../calendar/calendar-of';
import { workingDaysOfMs, workingMsBetween } from '../calendar/working-time-between';
import type { ProcessConfig } from '../config/process-config';
import type { ReportCard, VisitLike } from './report-input';
import { activeDays, timedVisits, type TimedVisit } from './visit-time';

/**
 * A card's history measured once per report: each visit with its own working time, and the card's
 * running totals at the visit's start — the working time since the first arrival and the part of it
 * spent in suspension. The time between any two arrivals, suspension excluded, is then the difference
 * of two totals, so the pipeline, the completed onboardings and every span read the same numbers
 * instead of each walking the calendar again. Whole milliseconds, which add up exactly (the working
 * time of [a, c] is that of [a, b] plus that of [b, c]); days only at the end.
 */
export type TimelineVisit = TimedVisit & {
  startMs: number;
  endMs: number;
  /** Working ms of the visit itself, start to end (to `now` for the open one). */
  ownMs: number;
  /** Working ms from the card's first arrival to this visit's start. */
  workedMs: number;
  /** The part of workedMs spent in suspension visits. */
  suspendedMs: number;
};

export type CardTimeline = {
  calendar: WorkCalendar;
  /** Oldest first, as timedVisits orders them. */
  visits: readonly TimelineVisit[];
  now: Date;
  /** The running totals at `now`; null when `now` is before the last arrival (a clock behind the history). */
  atNow: { workedMs: number; suspendedMs: number } | null;
};

/** A card of the board with its timeline: what a report made of many figures passes around. */
export type TimedCard = { card: ReportCard; timeline: CardTimeline };

export function timedCards(config: ProcessConfig, calendar: WorkCalendar, cards: readonly ReportCard[], now: Date): TimedCard[] {
  return cards.map((card) => ({ card, timeline: cardTimeline(config, calendar, card.visits, now) }));
}

export function cardTimeline(config: ProcessConfig, calendar: WorkCalendar, visits: readonly VisitLike[], now: Date): CardTimeline {
  const timeline: TimelineVisit[] = [];
  const totals: Totals = { calendar, workedMs: 0, suspendedMs: 0, running: [] };
  for (const timed of timedVisits(config, visits, now)) {
    const [startMs, endMs] = [timed.start.getTime(), timed.end.getTime()];
    const previous = timeline.at(-1);
    if (previous) advance(totals, previous, startMs);
    // Field by field: copying `timed` with a spread cost more than the measuring (V8's slow path).
    const { visit: record, start, end, suspension, name, stage } = timed;
    const visit: TimelineVisit = {
      visit: record, start, end, suspension, name, stage, startMs, endMs,
      ownMs: workingMsBetween(calendar, startMs, endMs),
      workedMs: totals.workedMs,
      suspendedMs: totals.suspendedMs,
    };
    timeline.push(visit);
    if (visit.suspension) totals.running.push(visit);
  }
  const last = timeline.at(-1);
  if (last && now.getTime() < last.startMs) return { calendar, visits: timeline, now, atNow: null };
  if (last) advance(totals, last, now.getTime());
  return { calendar, visits: timeline, now, atNow: { workedMs: totals.workedMs, suspendedMs: totals.suspendedMs } };
}

/**
 * The running totals while a timeline is built. `running` are the suspension visits not over at the
 * last boundary: the one just entered, and another only when a recorded leftAt runs past the next
 * arrival — each counts its own share, as suspendedWithin would.
 */
type Totals = { calendar: WorkCalendar; workedMs: number; suspendedMs: number; running: TimelineVisit[] };

/** Moves the totals from the start of `visit` to `to`, the next boundary. */
function advance(totals: Totals, visit: TimelineVisit, to: number): void {
  const from = visit.startMs;
  // The stretch is mostly the visit itself: it ends where the next begins.
  const stretch = visit.endMs === to ? visit.ownMs : workingMsBetween(totals.calendar, from, to);
  totals.workedMs += stretch;
  for (const v of totals.running) {
    const [a, b] = [Math.max(v.startMs, from), Math.min(v.endMs, to)];
    const whole = a === from && b === to ? stretch : a === v.startMs && b === v.endMs ? v.ownMs : undefined;
    totals.suspendedMs += whole ?? workingMsBetween(totals.calendar, a, b);
  }
  if (totals.running.some((v) => v.endMs <= to)) totals.running = totals.running.filter((v) => v.endMs > to);
}

/** Working days from the start of visit `i` to the start of visit `j` (not before it), suspension excluded. */
export function activeDaysBetween(timeline: CardTimeline, i: number, j: number): number {
  const [from, to] = [timeline.visits[i]!, timeline.visits[j]!];
  const active = to.workedMs - from.workedMs - (to.suspendedMs - from.suspendedMs);
  return Math.max(0, workingDaysOfMs(timeline.calendar, active));
}

/** Working days from the first arrival to `now`, suspension excluded; 0 without a history. */
export function activeDaysToNow(timeline: CardTimeline): number {
  const first = timeline.visits[0];
  if (!first) return 0;
  if (!timeline.atNow) return activeDays(timeline.calendar, timeline.visits, first.start, timeline.now);
  return Math.max(0, workingDaysOfMs(timeline.calendar, timeline.atNow.workedMs - timeline.atNow.suspendedMs));
}

/** The working ms of a visit before `to`: all of it when it ended by then, as a visit before an arrival mostly did. */
export function visitMsBefore(timeline: CardTimeline, visit: TimelineVisit, to: number): number {
  return visit.endMs <= to ? visit.ownMs : workingMsBetween(timeline.calendar, visit.startMs, Math.min(visit.endMs, to));
}

/** Working days of all the card's suspension visits, each start to end. */
export function suspendedDays(timeline: CardTimeline): number {
  return workingDaysOfMs(
    timeline.calendar,
    timeline.visits.reduce((total, v) => total + (v.suspension ? v.ownMs : 0), 0),
  );
}
