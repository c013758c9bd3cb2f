import { calendarOf } from '../calendar/calendar-of';
import { workingDaysOfMs } from '../calendar/working-time-between';
import type { ProcessConfig } from '../config/process-config';
import { cardTimeline } from './card-timeline';
import type { VisitLike } from './report-input';
import type { Person, VisitRecord } from './report-types';
import { roundDays } from './stats';

/** A card's visits for its «История», oldest first, each with its working days (to `now` while open). */
export function visitRecords(
  config: ProcessConfig,
  visits: readonly VisitLike[],
  responsibleOf: (visit: VisitLike) => Person | null,
  now: Date,
): VisitRecord[] {
  const timeline = cardTimeline(config, calendarOf(config), visits, now);
  return timeline.visits.map(({ visit, ownMs, suspension }) => ({
    stage: visit.stage,
    enteredAt: visit.enteredAt,
    leftAt: visit.leftAt,
    workingDays: roundDays(workingDaysOfMs(timeline.calendar, ownMs)),
    suspension,
    responsible: responsibleOf(visit),
  }));
}
