import type { WorkCalendar } from '../calendar/calendar-of';
import type { ProcessConfig } from '../config/process-config';
import type { Stage } from '../config/stage-schema';
import { findStage, linearStages } from '../process/find-stage';
import { activeDaysToNow, cardTimeline, suspendedDays, type CardTimeline } from './card-timeline';
import type { VisitLike } from './report-input';
import { roundDays } from './stats';

/** A card's path so far: how long since it started, how long it was suspended, how often it went back. */
export type CardFlow = { sinceStartDays: number; suspendedDays: number; backwardMoves: number };

export function cardFlow(config: ProcessConfig, calendar: WorkCalendar, visits: readonly VisitLike[], now: Date): CardFlow {
  return flowOf(config, cardTimeline(config, calendar, visits, now));
}

/** cardFlow read off a timeline already measured. */
export function flowOf(config: ProcessConfig, timeline: CardTimeline): CardFlow {
  if (timeline.visits.length === 0) return { sinceStartDays: 0, suspendedDays: 0, backwardMoves: 0 };
  return {
    sinceStartDays: roundDays(activeDaysToNow(timeline)),
    suspendedDays: roundDays(suspendedDays(timeline)),
    backwardMoves: countBackward(linearStages(config), timeline.visits.map((v) => v.stage)),
  };
}

/**
 * Arrivals in a stage of the main path earlier in the order than the main-path stage the card was
 * in before. Side stages are skipped over, so coming back from a suspension to the stage the card
 * was suspended in is no step back; nor is entering the same stage again.
 */
export function backwardMoves(config: ProcessConfig, visits: readonly VisitLike[]): number {
  return countBackward(linearStages(config), visits.map((visit) => findStage(config, visit.stage)));
}

/** backwardMoves over the visits' stages (undefined for a list that is none), oldest first. */
function countBackward(order: readonly Stage[], stages: readonly (Stage | undefined)[]): number {
  let previous = -1;
  let count = 0;
  for (const stage of stages) {
    if (!stage || stage.side) continue;
    const index = order.indexOf(stage);
    if (index < previous) count++;
    previous = index;
  }
  return count;
}
