import type { RulesProblem } from '../../rules';

/**
 * Problems as path and message only: what most rules tests are about. Where the problems are in the
 * text (line, column, the stage's list name) is tested in test/rules/config/all-problems.test.ts.
 */
export function pathsAndMessages(problems: readonly RulesProblem[]): RulesProblem[] {
  return problems.map(({ path, message }) => ({ path, message }));
}
