import { addWorkingTime, calendarOf, stageEscalation, stageLimit, type ProcessConfig } from '../../rules';

export type StageDeadlines = { deadline: Date; escalation: Date | null };

/**
 * When a visit that started at `enteredAt` runs out of time, and when its controller hears:
 * the stage's limit in working time, less the `usedHours` the card already spent in the stage
 * before a suspension paused its clock. Null for a stage without a limit.
 */
export function stageDeadlines(config: ProcessConfig, stageList: string, enteredAt: Date, usedHours = 0): StageDeadlines | null {
  const limit = stageLimit(config, stageList);
  if (!limit) return null;
  const calendar = calendarOf(config);
  const deadline = addWorkingTime(calendar, enteredAt, { hours: Math.max(0, limit.hours - usedHours) });
  const escalateAfter = stageEscalation(config, stageList);
  return { deadline, escalation: escalateAfter ? addWorkingTime(calendar, deadline, escalateAfter) : null };
}
