/**
 * One thing wrong with a rules file. `path` is where in the data (`stages[4].gate.fields[1]`), or
 * for a syntax error where in the text (`line 3, column 5`); `line` and `column` (1-based) are where
 * in the text, when known; `where` is the path as a person reads it, the stage named by its list
 * (`stages[4] («Подключение»).gate.fields[1]`), given when it says more than `path`.
 */
export type RulesProblem = { path: string; message: string; where?: string; line?: number; column?: number };

/** rules_syntax: the text is not YAML/JSON. rules_invalid: it parses but breaks the schema or its references. */
export type RulesErrorCode = 'rules_syntax' | 'rules_invalid';

/** A rules file that cannot be used, with every problem found in it. */
export class RulesError extends Error {
  override readonly name = 'RulesError';

  constructor(
    readonly code: RulesErrorCode,
    readonly problems: RulesProblem[],
  ) {
    const lines = problems.map((problem) => `  ${describeProblem(problem)}`);
    super(`[rules] ${problems.length} problem${problems.length === 1 ? '' : 's'} in the rules:\n${lines.join('\n')}`);
  }
}

/**
 * The path of a problem inside the data as a person reads it (`stages[4] («Подключение»).owner`),
 * or undefined for a syntax error, whose place is only its line and column, and for the whole file.
 */
export function problemWhere(problem: RulesProblem): string | undefined {
  if (problem.line !== undefined && problem.path === `line ${problem.line}, column ${problem.column}`) return undefined;
  return problem.where ?? (problem.path === '' ? undefined : problem.path);
}

/** `line 12, column 5: stages[4] («Подключение»).gate.fields[0]: unknown field "contract.numbr" (…)`. */
export function describeProblem(problem: RulesProblem): string {
  const place = problem.line === undefined ? [] : [`line ${problem.line}, column ${problem.column}`];
  const where = problemWhere(problem);
  return [...place, ...(where === undefined ? [] : [where]), problem.message].join(': ');
}
