import type { WorkCalendar } from '../calendar/calendar-of';
import type { ProcessConfig } from '../config/process-config';
import { findStage, linearStages } from '../process/find-stage';
import type { VisitLike } from './report-input';
import { roundDays } from './stats';
import { activeDays, timedVisits, workingDays } from './visit-time';

/** A card's path so far: how long since it started, how long it was suspended, how often it went back. */
export type CardFlow = { sinceStartDays: number; suspendedDays: number; backwardMoves: number };

export function cardFlow(config: ProcessConfig, calendar: WorkCalendar, visits: readonly VisitLike[], now: Date): CardFlow {
  const timed = timedVisits(config, visits, now);
  const first = timed[0];
  if (!first) return { sinceStartDays: 0, suspendedDays: 0, backwardMoves: 0 };
  const suspended = timed.filter((v) => v.suspension).reduce((total, v) => total + workingDays(calendar, v.start, v.end), 0);
  return {
    sinceStartDays: roundDays(activeDays(calendar, timed, first.start, now)),
    suspendedDays: roundDays(suspended),
    backwardMoves: backwardMoves(config, timed.map((v) => v.visit)),
  };
}

/**
 * Arrivals in a stage of the main path earlier in the order than the main-path stage the card was
 * in before. Side stages are skipped over, so coming back from a suspension to the stage the card
 * was suspended in is no step back; nor is entering the same stage again.
 */
export function backwardMoves(config: ProcessConfig, visits: readonly VisitLike[]): number {
  const order = linearStages(config);
  let previous = -1;
  let count = 0;
  for (const visit of visits) {
    const stage = findStage(config, visit.stage);
    if (!stage || stage.side) continue;
    const index = order.indexOf(stage);
    if (index < previous) count++;
    previous = index;
  }
  return count;
}
