import { calendarOf } from '../calendar/calendar-of';
import type { ProcessConfig } from '../config/process-config';
import type { VisitLike } from './report-input';
import type { Person, VisitRecord } from './report-types';
import { roundDays } from './stats';
import { timedVisits, workingDays } from './visit-time';

/** A card's visits for its «История», oldest first, each with its working days (to `now` while open). */
export function visitRecords(
  config: ProcessConfig,
  visits: readonly VisitLike[],
  responsibleOf: (visit: VisitLike) => Person | null,
  now: Date,
): VisitRecord[] {
  const calendar = calendarOf(config);
  return timedVisits(config, visits, now).map(({ visit, start, end, suspension }) => ({
    stage: visit.stage,
    enteredAt: visit.enteredAt,
    leftAt: visit.leftAt,
    workingDays: roundDays(workingDays(calendar, start, end)),
    suspension,
    responsible: responsibleOf(visit),
  }));
}
