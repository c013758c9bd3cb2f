import { parseDocument } from 'yaml';
import type { RulesProblem } from './rules-error';

export type RulesFormat = 'yaml' | 'json';
type ReadResult = { ok: true; data: unknown } | { ok: false; problems: RulesProblem[] };

/** Turns the text of a rules file into plain data, or every syntax error with its line and column. */
export function readRulesText(text: string, format: RulesFormat): ReadResult {
  return format === 'json' ? readJson(text) : readYaml(text);
}

function readYaml(text: string): ReadResult {
  // prettyErrors off: the position goes into the path, the message stays one line.
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const problems = [...doc.errors, ...doc.warnings].map((e) => ({
    path: atOffset(text, e.pos[0]),
    message: `YAML: ${e.message}`,
  }));
  if (problems.length > 0) return { ok: false, problems };
  try {
    // maxAliasCount keeps "billion laughs" alias bombs from eating the process.
    return { ok: true, data: doc.toJS({ maxAliasCount: 100 }) };
  } catch (err) {
    return { ok: false, problems: [{ path: 'YAML', message: `YAML: ${(err as Error).message}` }] };
  }
}

function readJson(text: string): ReadResult {
  try {
    return { ok: true, data: JSON.parse(text) };
  } catch (err) {
    const message = (err as Error).message;
    return { ok: false, problems: [{ path: jsonPosition(text, message), message: `JSON: ${message}` }] };
  }
}

/**
 * Where JSON text breaks. V8 says "at position 42" (Node 20) or "(line 3 column 5)" (newer), and
 * sometimes nothing; then the YAML parser (JSON is YAML's flow style) points at the first error.
 */
function jsonPosition(text: string, message: string): string {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return `line ${lineColumn[1]}, column ${lineColumn[2]}`;
  const position = /position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : parseDocument(text, { prettyErrors: false }).errors[0]?.pos[0];
  return offset === undefined ? 'JSON' : atOffset(text, offset);
}

function atOffset(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before.at(-1)!.length + 1}`;
}
