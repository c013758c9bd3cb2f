import { normaliseName, sameName } from '../process/same-name';
import { checkGate } from './check-gate';
import { checkTimeLimits } from './check-time-limits';
import { knownChecklist, knownRole, knownRoles, knownStage } from './check-names';
import { everyStageRead } from './doubts';
import type { ProcessConfig } from './process-config';
import type { Stage } from './stage-schema';
import { duplicates } from './reference-helpers';
import type { RulesProblem } from './rules-error';

/** Stages and checklists: unique names, known roles and checklists, gates and exits that make sense. */
export function checkStages(config: ProcessConfig): RulesProblem[] {
  return [
    ...duplicates(config.checklists.map((c, i) => ({ name: c.name, path: `checklists[${i}].name` })), 'checklist', normaliseName),
    ...config.checklists.flatMap((c, i) =>
      duplicates(c.items.map((item, j) => ({ name: item, path: `checklists[${i}].items[${j}]` })), 'checklist item', normaliseName),
    ),
    ...duplicates(config.stages.map((s, i) => ({ name: s.list, path: `stages[${i}].list` })), 'stage list', normaliseName),
    ...checkFirstStage(config),
    ...config.stages.flatMap((stage, i) => checkStage(config, stage, `stages[${i}]`)),
  ];
}

/** The first stage is where a refused new card is sent back to: it must be in the order. */
function checkFirstStage(config: ProcessConfig): RulesProblem[] {
  // With a stage left unread, the first one read may not be the first of the file.
  if (!config.stages[0]?.side || !everyStageRead(config)) return [];
  return [{ path: 'stages[0].side', message: 'the first stage is where cards enter the process; it cannot be a side stage' }];
}

function checkStage(config: ProcessConfig, stage: Stage, path: string): RulesProblem[] {
  return [
    ...knownRole(config, stage.owner, `${path}.owner`),
    ...knownRole(config, stage.controller, `${path}.controller`),
    ...knownChecklist(config, stage.checklist, `${path}.checklist`),
    ...checkTimeLimits(stage, path),
    ...(stage.gate ? checkGate(config, stage.gate, `${path}.gate`) : []),
    ...notItself(stage, stage.gate?.from ?? [], `${path}.gate.from`),
    ...checkExit(config, stage, path),
  ];
}

function checkExit(config: ProcessConfig, stage: Stage, path: string): RulesProblem[] {
  if (!stage.exit) return [];
  if (!stage.side) {
    return [{ path: `${path}.exit`, message: 'only a side stage (side: true) has an exit; other stages are left by the order' }];
  }
  return [
    ...stage.exit.to.flatMap((list, i) => knownStage(config, list, `${path}.exit.to[${i}]`)),
    ...notItself(stage, stage.exit.to, `${path}.exit.to`),
    ...knownRoles(config, stage.exit.movers ?? [], `${path}.exit.movers`),
  ];
}

function notItself(stage: Stage, lists: readonly string[], path: string): RulesProblem[] {
  return lists.flatMap((list, i) =>
    sameName(list, stage.list) ? [{ path: `${path}[${i}]`, message: `a stage cannot name itself ("${list}")` }] : [],
  );
}
