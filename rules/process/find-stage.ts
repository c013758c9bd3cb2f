import type { ProcessConfig } from '../config/process-config';
import type { Stage } from '../config/stage-schema';
import { normaliseName } from './same-name';

// A report looks up the stage of every visit of every card: the stages are indexed once per rules
// object (parseRules never changes one after it is made), not searched each time. A WeakMap lets a
// replaced rules file go with its index.
type StageIndex = {
  /** The first stage of each normalised name. */
  byName: ReadonlyMap<string, Stage>;
  /** The rules' own spellings of the stages' lists, normalised: what the service records in a history. */
  spellings: ReadonlyMap<string, string>;
};
const indexes = new WeakMap<ProcessConfig, StageIndex>();

/** The stage a Trello list is, or undefined for a list the process does not name. */
export function findStage(config: ProcessConfig, listName: string): Stage | undefined {
  return stageNamed(config, normalisedListName(config, listName));
}

/** findStage for a name already put through normaliseName. */
export function stageNamed(config: ProcessConfig, normalisedName: string): Stage | undefined {
  return indexOf(config).byName.get(normalisedName);
}

/** normaliseName(listName), without normalising again a list the rules spell exactly so. */
export function normalisedListName(config: ProcessConfig, listName: string): string {
  return indexOf(config).spellings.get(listName) ?? normaliseName(listName);
}

function indexOf(config: ProcessConfig): StageIndex {
  let index = indexes.get(config);
  if (!index) {
    const byName = new Map<string, Stage>();
    const spellings = new Map<string, string>();
    for (const stage of config.stages) {
      const name = normaliseName(stage.list);
      spellings.set(stage.list, name);
      if (!byName.has(name)) byName.set(name, stage);
    }
    indexes.set(config, (index = { byName, spellings }));
  }
  return index;
}

/** The stages in process order, side stages (suspension) left out. */
export function linearStages(config: ProcessConfig): Stage[] {
  return config.stages.filter((stage) => !stage.side);
}

/** The linear stages from the first up to and including `stage` (just `stage` for a side stage). */
export function stagesUpTo(config: ProcessConfig, stage: Stage): Stage[] {
  if (stage.side) return [stage];
  const order = linearStages(config);
  return order.slice(0, order.indexOf(stage) + 1);
}

/**
 * The stage a card in `listName` normally goes to next; undefined after the last stage, for a
 * side stage (its way out is its `exit`) and for lists outside the process.
 */
export function nextStage(config: ProcessConfig, listName: string): Stage | undefined {
  const stage = findStage(config, listName);
  if (!stage || stage.side) return undefined;
  const order = linearStages(config);
  return order[order.indexOf(stage) + 1];
}
