import { findStage, linearStages, sameName, type ProcessConfig, type Stage } from '../../rules';
import type { StageVisit } from '../store/stage-history';

/**
 * The stage whose turn a card is in: the stage of its open visit, recorded in the list it is in
 * now. None in the last stage of the main path: the onboarding is done there, nobody's turn is
 * waited for, and «Беру» would only put a name on every active client.
 */
export function stageWithTurn(config: ProcessConfig, visit: StageVisit | null | undefined, idList: string): Stage | undefined {
  if (!visit || visit.leftAt !== null || visit.listId !== idList) return undefined;
  const stage = findStage(config, visit.stage);
  const last = linearStages(config).at(-1);
  return stage && !(last && sameName(stage.list, last.list)) ? stage : undefined;
}
