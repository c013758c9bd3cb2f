import { findStage } from '../process/find-stage';
import { findChecklist } from '../process/lookups';
import { mayBeDefined } from './doubts';
import type { ProcessConfig } from './process-config';
import { unknownName } from './reference-helpers';
import type { RulesProblem } from './rules-error';

export function knownRole(config: ProcessConfig, role: string, path: string): RulesProblem[] {
  if (Object.hasOwn(config.roles, role) || mayBeDefined(config, 'role', role)) return [];
  return [{ path, message: unknownName('role', role, Object.keys(config.roles)) }];
}

export function knownRoles(config: ProcessConfig, roles: readonly string[], path: string): RulesProblem[] {
  return roles.flatMap((role, i) => knownRole(config, role, `${path}[${i}]`));
}

export function knownStage(config: ProcessConfig, list: string, path: string): RulesProblem[] {
  if (findStage(config, list) || mayBeDefined(config, 'stage', list)) return [];
  return [{ path, message: unknownName('stage', list, config.stages.map((s) => s.list)) }];
}

export function knownChecklist(config: ProcessConfig, name: string | undefined, path: string): RulesProblem[] {
  if (name === undefined || findChecklist(config, name) || mayBeDefined(config, 'checklist', name)) return [];
  return [{ path, message: unknownName('checklist', name, config.checklists.map((c) => c.name)) }];
}
