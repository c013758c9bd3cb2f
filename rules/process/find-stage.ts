import type { ProcessConfig } from '../config/process-config';
import type { Stage } from '../config/stage-schema';
import { sameName } from './same-name';

/** The stage a Trello list is, or undefined for a list the process does not name. */
export function findStage(config: ProcessConfig, listName: string): Stage | undefined {
  return config.stages.find((stage) => sameName(stage.list, listName));
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
