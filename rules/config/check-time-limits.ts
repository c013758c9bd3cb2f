import type { RulesProblem } from './rules-error';
import type { Stage } from './stage-schema';

/**
 * A stage's time keys: a limit is in days or in hours, never both (which would win is a guess), and
 * so is the escalation; an escalation counts from the limit, so it needs one.
 */
export function checkTimeLimits(stage: Stage, path: string): RulesProblem[] {
  const problems: RulesProblem[] = [];
  if (stage.limitWorkingDays !== undefined && stage.limitWorkingHours !== undefined) {
    problems.push({ path: `${path}.limitWorkingHours`, message: 'give the limit in days or in hours, not both (limitWorkingDays is set too)' });
  }
  if (stage.escalateAfterWorkingDays !== undefined && stage.escalateAfterWorkingHours !== undefined) {
    problems.push({
      path: `${path}.escalateAfterWorkingHours`,
      message: 'give the escalation in days or in hours, not both (escalateAfterWorkingDays is set too)',
    });
  }
  const escalation = stage.escalateAfterWorkingDays !== undefined ? 'escalateAfterWorkingDays' : 'escalateAfterWorkingHours';
  const hasEscalation = stage.escalateAfterWorkingDays !== undefined || stage.escalateAfterWorkingHours !== undefined;
  const hasLimit = stage.limitWorkingDays !== undefined || stage.limitWorkingHours !== undefined;
  if (hasEscalation && !hasLimit) {
    problems.push({
      path: `${path}.${escalation}`,
      message: 'the escalation counts from the time limit; set limitWorkingDays or limitWorkingHours too',
    });
  }
  return problems;
}
