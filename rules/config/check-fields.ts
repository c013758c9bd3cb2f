import { mayBeDefined } from './doubts';
import type { FieldDef, SubFieldDef } from './field-schema';
import type { ProcessConfig } from './process-config';
import { duplicates, unknownName } from './reference-helpers';
import type { RulesProblem } from './rules-error';

/** Field definitions: unique keys, known groups, sound parameters, a real BIK field for each account. */
export function checkFields(config: ProcessConfig): RulesProblem[] {
  const groups = config.groups.map((group) => group.key);
  return [
    ...duplicates(config.groups.map((g, i) => ({ name: g.key, path: `groups[${i}].key` })), 'group key'),
    ...duplicates(config.fields.map((f, i) => ({ name: f.key, path: `fields[${i}].key` })), 'field key'),
    ...config.fields.flatMap((field, i) => [
      ...knownGroup(config, groups, field.group, `fields[${i}].group`),
      ...checkParams(config, field, `fields[${i}]`),
      ...(field.type === 'repeatable' ? checkSubFields(config, field.fields, `fields[${i}]`) : []),
    ]),
  ];
}

function knownGroup(config: ProcessConfig, groups: readonly string[], group: string, path: string): RulesProblem[] {
  if (groups.includes(group) || mayBeDefined(config, 'group', group)) return [];
  return [{ path, message: unknownName('group', group, groups) }];
}

function checkSubFields(config: ProcessConfig, fields: readonly SubFieldDef[], path: string): RulesProblem[] {
  return [
    ...duplicates(fields.map((f, j) => ({ name: f.key, path: `${path}.fields[${j}].key` })), 'sub-field key'),
    ...fields.flatMap((field, j) => checkParams(config, field, `${path}.fields[${j}]`)),
  ];
}

function checkParams(config: ProcessConfig, field: FieldDef | SubFieldDef, path: string): RulesProblem[] {
  switch (field.type) {
    case 'number':
      if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
        return [{ path: `${path}.max`, message: `max (${field.max}) is less than min (${field.min})` }];
      }
      return [];
    case 'enum':
    case 'multi-enum':
      return duplicates(
        field.options.map((o, k) => ({ name: String(o.value), path: `${path}.options[${k}].value` })),
        'option value',
      );
    case 'account':
      return checkBikField(config, field.bikField, `${path}.bikField`);
    default:
      return [];
  }
}

function checkBikField(config: ProcessConfig, key: string, path: string): RulesProblem[] {
  const bik = config.fields.find((field) => field.key === key);
  if (!bik && mayBeDefined(config, 'field', key)) return [];
  if (!bik) return [{ path, message: unknownName('field', key, config.fields.map((f) => f.key)) }];
  if (bik.type !== 'bik') return [{ path, message: `field "${key}" is of type ${bik.type}; an account is checked against a bik field` }];
  return [];
}
