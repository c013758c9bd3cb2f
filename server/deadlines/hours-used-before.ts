import { workingTimeBetween, type WorkCalendar } from '../../rules';
import type { StageVisit } from '../store/stage-history';

/**
 * The working hours a card already spent in its current stage before suspensions paused the
 * clock: the visits of the same stage chained to the current one through suspension visits only
 * (A, suspended, A, suspended, A). A card that went elsewhere in between starts afresh, and the
 * suspensions themselves count for nothing.
 */
export function hoursUsedBefore(visits: StageVisit[], calendar: WorkCalendar): number {
  const current = visits.at(-1);
  if (!current) return 0;
  let used = 0;
  let i = visits.length - 2;
  while (visits[i]?.kind === 'suspension') {
    while (visits[i]?.kind === 'suspension') i -= 1;
    const before = visits[i];
    if (!before || before.stage !== current.stage) break;
    used += workingTimeBetween(calendar, new Date(before.enteredAt), new Date(before.leftAt ?? before.enteredAt)).hours;
    i -= 1;
  }
  return used;
}
