import type { RulesProblem } from './rules-error';
import type { Stage } from './stage-schema';

type TimeKey = 'limitWorkingDays' | 'limitWorkingHours' | 'escalateAfterWorkingDays' | 'escalateAfterWorkingHours';

/**
 * A stage's time keys: a limit is in days or in hours, never both (which would win is a guess), and
 * so is the escalation; an escalation counts from the limit, so it needs one.
 */
export function checkTimeLimits(stage: Stage, path: string): RulesProblem[] {
  return [
    ...notBoth(stage, 'limitWorkingDays', 'limitWorkingHours', 'limit', path),
    ...notBoth(stage, 'escalateAfterWorkingDays', 'escalateAfterWorkingHours', 'escalation', path),
    ...escalationNeedsLimit(stage, path),
  ];
}

function notBoth(stage: Stage, days: TimeKey, hours: TimeKey, what: string, path: string): RulesProblem[] {
  if (stage[days] === undefined || stage[hours] === undefined) return [];
  return [{ path: `${path}.${hours}`, message: `give the ${what} in days or in hours, not both (${days} is set too)` }];
}

function escalationNeedsLimit(stage: Stage, path: string): RulesProblem[] {
  if (stage.limitWorkingDays !== undefined || stage.limitWorkingHours !== undefined) return [];
  const key = (['escalateAfterWorkingDays', 'escalateAfterWorkingHours'] as const).find((k) => stage[k] !== undefined);
  if (!key) return [];
  return [{ path: `${path}.${key}`, message: 'the escalation counts from the time limit; set limitWorkingDays or limitWorkingHours too' }];
}
