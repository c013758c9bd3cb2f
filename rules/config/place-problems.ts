import type { RulesProblem } from './rules-error';
import type { Locate } from './source-positions';

/**
 * Each problem with its line and column in the text, and, when its path runs through a stage, that
 * stage's list name: `stages[4] («Подключение»).gate.fields[0]` says which stage without counting.
 */
export function placeProblems(problems: readonly RulesProblem[], data: unknown, locate: Locate): RulesProblem[] {
  return problems.map((problem) => {
    const position = locate(problem.path);
    const where = withListName(problem.path, data);
    return { ...problem, ...(where === problem.path ? {} : { where }), ...position };
  });
}

function withListName(path: string, data: unknown): string {
  return path.replace(/^stages\[(\d+)\]/, (stage, i: string) => {
    const list = listNameAt(data, Number(i));
    return list ? `${stage} («${list}»)` : stage;
  });
}

function listNameAt(data: unknown, i: number): string | undefined {
  const stages = typeof data === 'object' && data !== null ? (data as { stages?: unknown }).stages : undefined;
  const stage: unknown = Array.isArray(stages) ? stages[i] : undefined;
  const list = typeof stage === 'object' && stage !== null ? (stage as { list?: unknown }).list : undefined;
  return typeof list === 'string' && list.trim() !== '' ? list.trim().replace(/\s+/g, ' ') : undefined;
}
