import { LineCounter, parseDocument } from 'yaml';
import type { RulesProblem } from './rules-error';
import { jsonLocator, locator, type Locate, type Position } from './source-positions';

export type RulesFormat = 'yaml' | 'json';
type ReadResult = { ok: true; data: unknown; locate: Locate } | { ok: false; problems: RulesProblem[] };

/**
 * Turns the text of a rules file into plain data and a way to find a data path in the text, or
 * every syntax error with its line and column.
 */
export function readRulesText(text: string, format: RulesFormat): ReadResult {
  return format === 'json' ? readJson(text) : readYaml(text);
}

function readYaml(text: string): ReadResult {
  // prettyErrors off: the position goes into the path, the message stays one line.
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  const problems = [...doc.errors, ...doc.warnings].map((e) => atPosition(positionOf(text, e.pos[0]), `YAML: ${e.message}`));
  if (problems.length > 0) return { ok: false, problems };
  try {
    // maxAliasCount keeps "billion laughs" alias bombs from eating the process.
    return { ok: true, data: doc.toJS({ maxAliasCount: 100 }), locate: locator(doc, lineCounter) };
  } catch (err) {
    return { ok: false, problems: [{ path: 'YAML', message: `YAML: ${(err as Error).message}` }] };
  }
}

function readJson(text: string): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const position = jsonPosition(text, message);
    return { ok: false, problems: [position ? atPosition(position, `JSON: ${message}`) : { path: 'JSON', message: `JSON: ${message}` }] };
  }
  // Positions are only asked for when the file has problems: the second parse waits till then.
  let locate: Locate | undefined;
  return { ok: true, data, locate: (path) => (locate ??= jsonLocator(text))(path) };
}

/**
 * Where JSON text breaks. V8 says "at position 42" (Node 20) or "(line 3 column 5)" (newer), and
 * sometimes nothing; then the YAML parser (JSON is YAML's flow style) points at the first error.
 */
function jsonPosition(text: string, message: string): Position | undefined {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : parseDocument(text, { prettyErrors: false }).errors[0]?.pos[0];
  return offset === undefined ? undefined : positionOf(text, offset);
}

function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/** A syntax problem: its path is its line and column, which it also carries as numbers. */
function atPosition({ line, column }: Position, message: string): RulesProblem {
  return { path: `line ${line}, column ${column}`, message, line, column };
}
