import type { WorkCalendar } from '../calendar/calendar-of';
import { workingTimeBetween } from '../calendar/working-time-between';
import type { ProcessConfig } from '../config/process-config';
import type { Stage } from '../config/stage-schema';
import { normalisedListName, stageNamed } from '../process/find-stage';
import type { VisitLike } from './report-input';

/**
 * A visit placed on the clock: when it started and ended (`now` for the one still open), and its
 * list as the rules know it — the normalised name (to compare with a span's ends, as sameName
 * does) and the stage, looked up once.
 */
export type TimedVisit = {
  visit: VisitLike;
  start: Date;
  end: Date;
  suspension: boolean;
  name: string;
  stage: Stage | undefined;
};

/**
 * A card's visits oldest first, each with its end: its leftAt, or else the next visit's start (a
 * visit left open by a lost event still ends where the next begins), or else `now`.
 */
export function timedVisits(config: ProcessConfig, visits: readonly VisitLike[], now: Date): TimedVisit[] {
  const sorted = visits
    .map((visit, i) => ({ visit, i, start: new Date(visit.enteredAt) }))
    .sort((a, b) => a.start.getTime() - b.start.getTime() || a.i - b.i);
  return sorted.map(({ visit, start }, k) => {
    const next = sorted[k + 1];
    const end = visit.leftAt !== null ? new Date(visit.leftAt) : next ? next.start : now;
    const name = normalisedListName(config, visit.stage);
    const stage = stageNamed(config, name);
    // Time kept apart: recorded as a suspension, or spent in a stage the rules call one.
    return { visit, start, end, suspension: visit.kind === 'suspension' || stage?.suspension === true, name, stage };
  });
}

/** Working days between two instants, unrounded; 0 when `to` is not after `from`. */
function workingDays(calendar: WorkCalendar, from: Date, to: Date): number {
  return workingTimeBetween(calendar, from, to).days;
}

// The direct measures below walk the calendar once per call: card-timeline reads the same figures
// off running totals, and falls back on these only for a clock behind the history.

/** Working days of [from, to) that the card spent in suspension. */
export function suspendedWithin(calendar: WorkCalendar, visits: readonly TimedVisit[], from: Date, to: Date): number {
  return visits
    .filter((v) => v.suspension)
    .reduce((total, v) => total + workingDays(calendar, later(v.start, from), earlier(v.end, to)), 0);
}

/** Working days from `from` to `to`, suspension excluded: how long the process itself took. */
export function activeDays(calendar: WorkCalendar, visits: readonly TimedVisit[], from: Date, to: Date): number {
  return Math.max(0, workingDays(calendar, from, to) - suspendedWithin(calendar, visits, from, to));
}

export function earlier(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

export function later(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}
