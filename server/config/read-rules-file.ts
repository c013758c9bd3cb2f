import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { describeProblem, parseRules, RulesError, type ProcessConfig, type RulesFormat } from '../../rules';

/** Reads and validates the rules file at start; a bad file stops the service with every problem listed. */
export function readRulesFile(path: string): ProcessConfig {
  return readRulesSource(path).config;
}

/** The rules file's text and its config, read once: the service seeds a rules version with the very text it checked. */
export function readRulesSource(path: string): { text: string; config: ProcessConfig } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`[rules] cannot read RULES_FILE ${path}: ${(err as Error).message}`);
  }
  try {
    return { text, config: parseRules(text, rulesFormatOf(path)) };
  } catch (err) {
    if (err instanceof RulesError) {
      const problems = err.problems.map((p) => `  - ${describeProblem(p)}`).join('\n');
      throw new Error(`[rules] ${path} is invalid:\n${problems}`);
    }
    throw err;
  }
}

/** A `.json` file is JSON; anything else is YAML. */
export function rulesFormatOf(path: string): RulesFormat {
  return extname(path).toLowerCase() === '.json' ? 'json' : 'yaml';
}
