import { readFileSync } from 'node:fs';
import { parseRules, problemWhere, RulesError, type RulesProblem } from '../../rules';
import { rulesFormatOf } from './read-rules-file';

/** What `npm run rules -- check` prints for one file, and whether the file is good. */
export type RulesFileCheck = { ok: boolean; lines: string[] };

/**
 * A rules file checked as the service checks it at start, reported as a compiler reports:
 * `FILE: OK — 9 stages, 25 fields`, or one `FILE:LINE:COLUMN: path: message` line per problem,
 * the form editors and CI annotations pick up.
 */
export function checkRulesFile(file: string): RulesFileCheck {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return { ok: false, lines: [`${file}: cannot read: ${(err as Error).message}`] };
  }
  try {
    const config = parseRules(text, rulesFormatOf(file));
    const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
    return { ok: true, lines: [`${file}: OK — ${count(config.stages.length, 'stage')}, ${count(config.fields.length, 'field')}`] };
  } catch (err) {
    if (err instanceof RulesError) return { ok: false, lines: err.problems.map((problem) => compilerLine(file, problem)) };
    throw err;
  }
}

/** `rules.yaml:277:16: stages[4] («Подключение»).gate.fields[0]: unknown field …`; `rules.yaml: …` without a place. */
export function compilerLine(file: string, problem: RulesProblem): string {
  const place = problem.line === undefined ? file : `${file}:${problem.line}:${problem.column}`;
  const where = problemWhere(problem);
  return `${place}: ${where === undefined ? '' : `${where}: `}${problem.message}`;
}
