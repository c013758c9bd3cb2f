import type { WorkCalendar } from '../calendar/calendar-of';
import { workingTimeBetween } from '../calendar/working-time-between';
import type { ProcessConfig } from '../config/process-config';
import { findStage } from '../process/find-stage';
import type { VisitLike } from './report-input';

/** A visit placed on the clock: when it started and ended (`now` for the one still open). */
export type TimedVisit = { visit: VisitLike; start: Date; end: Date; suspension: boolean };

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
    return { visit, start, end, suspension: isSuspensionVisit(config, visit) };
  });
}

/** Time kept apart: recorded as a suspension, or spent in a stage the rules call one. */
export function isSuspensionVisit(config: ProcessConfig, visit: VisitLike): boolean {
  return visit.kind === 'suspension' || findStage(config, visit.stage)?.suspension === true;
}

/** Working days between two instants, unrounded; 0 when `to` is not after `from`. */
export function workingDays(calendar: WorkCalendar, from: Date, to: Date): number {
  return workingTimeBetween(calendar, from, to).days;
}

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
