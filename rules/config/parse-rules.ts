import { checkAdmins } from './check-admins';
import { checkCalendar } from './check-calendar';
import { checkFields } from './check-fields';
import { checkNotifications } from './check-notifications';
import { checkReports } from './check-reports';
import { checkStages } from './check-stages';
import { checkVault } from './check-vault';
import { schemaKeyNames } from './json-schema';
import { ProcessConfig } from './process-config';
import { readRulesText, type RulesFormat } from './read-rules-text';
import { RulesError } from './rules-error';
import { schemaProblems } from './schema-problems';

/**
 * Reads a rules file's text into a ProcessConfig, or throws a RulesError listing every problem by
 * path. Three passes, each needing the one before: syntax, shape (the zod schema), then
 * cross-references (roles, fields, checklists and stages named elsewhere; keys that exclude each
 * other). Pure: the caller reads the file.
 */
export function parseRules(text: string, format: RulesFormat): ProcessConfig {
  const read = readRulesText(text, format);
  if (!read.ok) throw new RulesError('rules_syntax', read.problems);
  const parsed = ProcessConfig.safeParse(read.data);
  if (!parsed.success) {
    throw new RulesError('rules_invalid', schemaProblems(parsed.error.issues, read.data, schemaKeyNames()));
  }
  const problems = [
    ...checkFields(parsed.data),
    ...checkStages(parsed.data),
    ...checkCalendar(parsed.data),
    ...checkNotifications(parsed.data),
    ...checkAdmins(parsed.data),
    ...checkReports(parsed.data),
    ...checkVault(parsed.data),
  ];
  if (problems.length > 0) throw new RulesError('rules_invalid', problems);
  return parsed.data;
}
