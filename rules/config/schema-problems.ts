import { z } from 'zod';
import { didYouMean } from './did-you-mean';
import { formatPath } from './format-path';
import type { RulesProblem } from './rules-error';

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/**
 * Zod's issues rephrased for the person editing the rules file: one problem per issue, each at the
 * path of the offending value, naming the value when that helps. `keys` are all the key names the
 * schema knows, to suggest one for a typo.
 */
export function schemaProblems(issues: readonly Issue[], data: unknown, keys: readonly string[]): RulesProblem[] {
  return issues.flatMap((issue) => describe(issue, [], data, keys));
}

function describe(issue: Issue, prefix: Path, data: unknown, keys: readonly string[]): RulesProblem[] {
  const path = [...prefix, ...issue.path];
  const value = valueAt(data, path);
  const at = (message: string, where: Path = path) => [{ path: formatPath(where), message }];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.flatMap((key) => at(`unknown key "${key}"${didYouMean(key, keys)}`, [...path, key]));
    case 'invalid_union': {
      if (issue.discriminator !== undefined) return at(unknownVariant(value, 'options' in issue ? (issue.options ?? []) : []));
      const inner = bestBranch(issue.errors).flatMap((branchIssue) => describe(branchIssue, path, data, keys));
      return inner.length > 0 ? inner : at('has the wrong shape');
    }
    case 'invalid_type':
      if (value === undefined) return at('is required');
      return at(`must be ${typeName(issue.expected)}, not ${kindOf(value)}`);
    case 'invalid_key':
      return at(`bad name "${String(path.at(-1))}": ${issue.issues.map((inner) => inner.message).join('; ')}`);
    case 'invalid_format':
      return at(`${JSON.stringify(value)} is not valid: ${issue.message}`);
    case 'invalid_value':
      return at(`must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, not ${JSON.stringify(value)}`);
    case 'too_small':
      return at(tooSmall(issue));
    case 'too_big':
      return at(tooBig(issue));
    default:
      return at(issue.message);
  }
}

function unknownVariant(value: unknown, options: readonly unknown[]): string {
  const names = options.map(String);
  if (value === undefined) return `is required: one of ${names.join(', ')}`;
  return `unknown type ${JSON.stringify(value)}${didYouMean(String(value), names)}; one of ${names.join(', ')}`;
}

/**
 * A plain union (a field requirement: key, anyOf or minItems) reports every branch. The branch
 * meant is the one of the right kind (no type mismatch at its root) with the fewest complaints.
 */
function bestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] {
  const sameKind = branches.filter((issues) => !issues.some((i) => i.code === 'invalid_type' && i.path.length === 0));
  return [...sameKind].sort((a, b) => a.length - b.length)[0] ?? branches[0] ?? [];
}

function tooSmall(issue: Extract<Issue, { code: 'too_small' }>): string {
  const min = Number(issue.minimum);
  if (issue.origin === 'array') return `needs at least ${min} item${min === 1 ? '' : 's'}`;
  if (issue.origin === 'string') return min === 1 ? 'must not be empty' : `needs at least ${min} characters`;
  return issue.inclusive ? `must be at least ${min}` : `must be greater than ${min}`;
}

function tooBig(issue: Extract<Issue, { code: 'too_big' }>): string {
  const max = Number(issue.maximum);
  if (issue.origin === 'array') return `has more than ${max} item${max === 1 ? '' : 's'}`;
  if (issue.origin === 'string') return `must be at most ${max} characters`;
  return issue.inclusive ? `must be at most ${max}` : `must be less than ${max}`;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys to values',
  record: 'a mapping of keys to values',
};

function typeName(expected: string): string {
  return TYPE_NAMES[expected] ?? expected;
}

function kindOf(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return JSON.stringify(value);
}

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}
