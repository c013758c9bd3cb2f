/** One thing wrong with a rules file: where (`stages[4].gate.fields[1]`, or `line 3, column 5`) and what. */
export type RulesProblem = { path: string; message: string };

/** rules_syntax: the text is not YAML/JSON. rules_invalid: it parses but breaks the schema or its references. */
export type RulesErrorCode = 'rules_syntax' | 'rules_invalid';

/** A rules file that cannot be used, with every problem found in it. */
export class RulesError extends Error {
  override readonly name = 'RulesError';

  constructor(
    readonly code: RulesErrorCode,
    readonly problems: RulesProblem[],
  ) {
    const lines = problems.map((problem) => `  ${problem.path}: ${problem.message}`);
    super(`[rules] ${problems.length} problem${problems.length === 1 ? '' : 's'} in the rules:\n${lines.join('\n')}`);
  }
}
