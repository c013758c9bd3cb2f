import type { ProcessConfig } from '../config/process-config';
import type { Stage } from '../config/stage-schema';
import { findStage } from '../process/find-stage';
import { calendarOf, type WorkCalendar } from './calendar-of';

/**
 * How long a card may stay in the stage, in working hours (`limitWorkingDays` × the calendar's
 * working day, or `limitWorkingHours`); null when the stage has no limit or the list is not a stage.
 */
export function stageLimit(config: ProcessConfig, stageList: string): { hours: number } | null {
  return limitOf(findStage(config, stageList), calendarOf(config));
}

/**
 * How long after the limit the controller is told, in working hours; null when the stage does not
 * escalate. parseRules allows an escalation only on a stage with a limit.
 */
export function stageEscalation(config: ProcessConfig, stageList: string): { hours: number } | null {
  return escalationOf(findStage(config, stageList), calendarOf(config));
}

export function limitOf(stage: Stage | undefined, calendar: WorkCalendar): { hours: number } | null {
  return inHours(calendar, stage?.limitWorkingDays, stage?.limitWorkingHours);
}

export function escalationOf(stage: Stage | undefined, calendar: WorkCalendar): { hours: number } | null {
  return inHours(calendar, stage?.escalateAfterWorkingDays, stage?.escalateAfterWorkingHours);
}

function inHours(calendar: WorkCalendar, days: number | undefined, hours: number | undefined): { hours: number } | null {
  if (hours !== undefined) return { hours };
  if (days !== undefined) return { hours: days * calendar.hoursPerDay };
  return null;
}
