import { checkAdmins } from './check-admins';
import { checkCalendar } from './check-calendar';
import { checkFields } from './check-fields';
import { checkNotifications } from './check-notifications';
import { checkReports } from './check-reports';
import { checkStages } from './check-stages';
import { checkVault } from './check-vault';
import { schemaKeyNames } from './json-schema';
import { placeProblems } from './place-problems';
import { ProcessConfig } from './process-config';
import { readRulesText, type RulesFormat } from './read-rules-text';
import { RulesError, type RulesProblem } from './rules-error';
import { schemaProblems } from './schema-problems';
import { wellFormedParts, type Section } from './well-formed-parts';

/** The cross-reference checks, each with the section it is about (none: it reads lists item by item). */
const REFERENCE_CHECKS: readonly [Section | undefined, (config: ProcessConfig) => RulesProblem[]][] = [
  [undefined, checkFields],
  [undefined, checkStages],
  ['calendar', checkCalendar],
  ['notifications', checkNotifications],
  ['admins', checkAdmins],
  ['reports', checkReports],
  ['vault', checkVault],
];

/**
 * Reads a rules file's text into a ProcessConfig, or throws a RulesError listing every problem with
 * its path, line and column. Syntax first (nothing else can be read without it); then the shape (the
 * zod schema) and the cross-references (roles, fields, checklists and stages named elsewhere; keys
 * that exclude each other) in one pass: when the shape is wrong, the references of the parts that
 * have the right shape are checked all the same (see wellFormedParts). Pure: the caller reads the file.
 */
export function parseRules(text: string, format: RulesFormat): ProcessConfig {
  const read = readRulesText(text, format);
  if (!read.ok) throw new RulesError('rules_syntax', read.problems);
  const parsed = ProcessConfig.safeParse(read.data);
  const problems = parsed.success ? referenceProblems(parsed.data) : shapeAndReferenceProblems(parsed.error.issues, read.data);
  if (parsed.success && problems.length === 0) return parsed.data;
  throw new RulesError('rules_invalid', placeProblems(problems, read.data, read.locate));
}

function referenceProblems(config: ProcessConfig): RulesProblem[] {
  return REFERENCE_CHECKS.flatMap(([, check]) => check(config));
}

function shapeAndReferenceProblems(issues: Parameters<typeof schemaProblems>[0], data: unknown): RulesProblem[] {
  return [...schemaProblems(issues, data, schemaKeyNames()), ...partialReferenceProblems(data)];
}

/**
 * The references of the well-formed parts of data with shape problems, in the file's own list
 * indexes. A section that could not be read has no checks of its own; the lists are checked item by item.
 */
function partialReferenceProblems(data: unknown): RulesProblem[] {
  const parts = wellFormedParts(data);
  if (!parts) return [];
  return REFERENCE_CHECKS.flatMap(([section, check]) => {
    if (section && parts.broken.has(section)) return [];
    try {
      return check(parts.config).map(parts.inFile);
    } catch {
      // A check tripping over a partial config it did not foresee must not hide the shape problems,
      // the ones to fix first; the references are checked in full once they are fixed.
      return [];
    }
  });
}
