import { findField } from '../process/lookups';
import { mayBeDefined } from './doubts';
import type { FieldRequirement, Gate } from './gate-schema';
import type { ProcessConfig } from './process-config';
import { knownChecklist, knownRoles, knownStage } from './check-names';
import { unknownName } from './reference-helpers';
import type { RulesProblem } from './rules-error';

/** Everything a gate names must exist, and be of a kind the condition can ask of it. */
export function checkGate(config: ProcessConfig, gate: Gate, path: string): RulesProblem[] {
  return [
    ...(gate.fields ?? []).flatMap((req, i) => checkRequirement(config, req, `${path}.fields[${i}]`)),
    ...(gate.checked ?? []).flatMap((key, i) => checkCheckedField(config, key, `${path}.checked[${i}]`)),
    ...(gate.checklists ?? []).flatMap((name, i) => knownChecklist(config, name, `${path}.checklists[${i}]`)),
    ...knownRoles(config, gate.movers ?? [], `${path}.movers`),
    ...(gate.from ?? []).flatMap((list, i) => knownStage(config, list, `${path}.from[${i}]`)),
  ];
}

function checkRequirement(config: ProcessConfig, req: FieldRequirement, path: string): RulesProblem[] {
  if (typeof req === 'string') return knownField(config, req, path);
  if ('anyOf' in req) return req.anyOf.flatMap((key, i) => knownField(config, key, `${path}.anyOf[${i}]`));
  const field = findField(config, req.key);
  if (!field) return knownField(config, req.key, `${path}.key`);
  if (field.type !== 'repeatable') {
    const message = `field "${req.key}" is not repeatable; minItems and itemFields count the items of a repeatable field`;
    return [{ path: `${path}.key`, message }];
  }
  const subKeys = field.fields.map((sub) => sub.key);
  return (req.itemFields ?? []).flatMap((key, i) => {
    if (subKeys.includes(key)) return [];
    return [{ path: `${path}.itemFields[${i}]`, message: unknownName('sub-field', key, subKeys, ` of "${req.key}"`) }];
  });
}

function checkCheckedField(config: ProcessConfig, key: string, path: string): RulesProblem[] {
  const field = findField(config, key);
  if (!field) return knownField(config, key, path);
  if (field.type === 'boolean') return [];
  return [{ path, message: `field "${key}" is of type ${field.type}; "checked" asks for a boolean field to be true` }];
}

function knownField(config: ProcessConfig, key: string, path: string): RulesProblem[] {
  if (findField(config, key) || mayBeDefined(config, 'field', key)) return [];
  return [{ path, message: unknownName('field', key, config.fields.map((f) => f.key)) }];
}
