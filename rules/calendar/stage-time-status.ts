import type { ProcessConfig } from '../config/process-config';
import { findStage } from '../process/find-stage';
import { addWorkingTime } from './add-working-time';
import { calendarOf } from './calendar-of';
import { escalationOf, limitOf } from './stage-limit';
import { workingTimeBetween, type WorkingTime } from './working-time-between';

export type StageTimeState = 'ok' | 'warning' | 'overdue' | 'no-limit';

export type StageTimeStatus = {
  elapsed: WorkingTime;
  limit: WorkingTime | null;
  /** When the owner's time is up: entered + the limit in working time. */
  deadline: Date | null;
  /** When the controller is to be told: the deadline + the stage's escalation, if it has one. */
  escalation: Date | null;
  state: StageTimeState;
};

/** From this share of the limit on, a card is shown as `warning`: a quarter of the time is left. */
export const WARNING_SHARE = 0.75;

/**
 * Where a card that entered `stageList` at `enteredAt` stands at `now` against the stage's limit:
 * the working time spent, the limit, the deadline, and the state the badge shows. `overdue` from
 * the deadline on (a card due Friday 18:00 is overdue all weekend), `warning` from 75% of the limit.
 */
export function stageTimeStatus(config: ProcessConfig, stageList: string, enteredAt: Date, now: Date): StageTimeStatus {
  const calendar = calendarOf(config);
  const stage = findStage(config, stageList);
  const elapsed = workingTimeBetween(calendar, enteredAt, now);
  const limit = limitOf(stage, calendar);
  if (!limit) return { elapsed, limit: null, deadline: null, escalation: null, state: 'no-limit' };
  const deadline = addWorkingTime(calendar, enteredAt, limit);
  const escalateAfter = escalationOf(stage, calendar);
  return {
    elapsed,
    limit: { hours: limit.hours, days: limit.hours / calendar.hoursPerDay },
    deadline,
    escalation: escalateAfter ? addWorkingTime(calendar, deadline, escalateAfter) : null,
    state: stateOf(elapsed.hours, limit.hours, now.getTime() >= deadline.getTime()),
  };
}

function stateOf(elapsedHours: number, limitHours: number, pastDeadline: boolean): StageTimeState {
  if (pastDeadline) return 'overdue';
  return elapsedHours >= WARNING_SHARE * limitHours ? 'warning' : 'ok';
}
