import { readFileSync } from 'node:fs';
import { DEFAULT_RULES_FILE } from '../../rules/default-rules';

/** The default rules file's text with its notifications section replaced by `section`. */
export function defaultRulesWith(section: string): string {
  const text = readFileSync(DEFAULT_RULES_FILE, 'utf8');
  const start = text.search(/^notifications:/m);
  return `${start < 0 ? text : text.slice(0, start)}\n${section}`;
}
