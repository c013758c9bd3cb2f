import type { ProcessConfig } from '../config/process-config';
import type { Stage } from '../config/stage-schema';
import { linearStages, stagesUpTo } from '../process/find-stage';

/** What a move asks for, before looking at the card. */
export type MovePlan =
  | { kind: 'backward'; source: Stage; target: Stage }
  | {
      kind: 'enter';
      direction: 'forward' | 'create';
      target: Stage;
      /** Where the card really came from, for `from` conditions; null from outside the process. */
      sourceList: string | null;
      /** A side stage being left through its `exit` rule. */
      exitFrom: Stage | undefined;
      /** Stages whose `movers` and `from` apply: every stage this move enters. */
      entered: Stage[];
      /** Stages whose data conditions apply: cumulative up to the target. */
      dataStages: Stage[];
    };

/**
 * Which rules a move from `source` (undefined: created, or from a list outside the process) to
 * `target` must pass. Stages are ordered as listed; side stages stand outside that order.
 */
export function planMove(config: ProcessConfig, source: Stage | undefined, target: Stage): MovePlan {
  const upToTarget = stagesUpTo(config, target);
  if (!source) return enter('create', target, null, undefined, upToTarget, upToTarget);
  if (source.side) return leaveSideStage(source, target, upToTarget);
  if (target.side) return enter('forward', target, source.list, undefined, [target], [target]);
  const order = linearStages(config);
  const from = order.indexOf(source);
  const to = order.indexOf(target);
  if (to < from) return { kind: 'backward', source, target };
  return enter('forward', target, source.list, undefined, order.slice(from + 1, to + 1), upToTarget);
}

function leaveSideStage(source: Stage, target: Stage, upToTarget: Stage[]): MovePlan {
  const exitFrom = source.exit ? source : undefined;
  if (target.side) return enter('forward', target, source.list, exitFrom, [target], [target]);
  // An exit rule names who may take a card out, and stands in for the entry roles of the stages
  // the card returns to (the accountant resumes a client the director once let in). The data gates
  // are still checked: the card must not come back with something undone while it was away.
  // Without an exit rule, leaving is judged like arriving from outside the process.
  return enter('forward', target, source.list, exitFrom, source.exit ? [] : upToTarget, upToTarget);
}

function enter(
  direction: 'forward' | 'create',
  target: Stage,
  sourceList: string | null,
  exitFrom: Stage | undefined,
  entered: Stage[],
  dataStages: Stage[],
): MovePlan {
  return { kind: 'enter', direction, target, sourceList, exitFrom, entered, dataStages };
}
