import type { ProcessConfig } from '../config/process-config';
import { findStage } from '../process/find-stage';
import type { People } from '../process/roles';
import { sameName } from '../process/same-name';
import { allowedMover } from './conditions/allowed-mover';
import { allowedSource } from './conditions/allowed-source';
import { backwardMove } from './conditions/backward-move';
import { exitRule } from './conditions/exit-rule';
import { gateDataFailures } from './gate-data';
import { planMove, type MovePlan } from './plan-move';
import type { CardSnapshot, Decision, Failure, Move } from './types';

/**
 * Judges a card arriving in a list. Pure: the same config, move and card always give the same
 * decision, with every unmet condition listed (who and where first, then the data). `people`, the
 * board's members as the caller read them, only puts full names into the texts of a refusal
 * («директор (Ирина Директорова, @director)»); without it they name usernames.
 */
export function evaluate(config: ProcessConfig, move: Move, card: CardSnapshot, people?: People): Decision {
  const target = findStage(config, move.toList);
  if (!target) return { verdict: 'ignore', reason: 'not-in-process' };
  const fromList = move.kind === 'create' ? null : move.fromList;
  if (fromList !== null && sameName(fromList, move.toList)) return { verdict: 'ignore', reason: 'same-list' };

  // A list the process does not name is "outside": coming from it is judged like a create.
  const source = fromList === null ? undefined : findStage(config, fromList);
  const plan = planMove(config, source, target);
  const failures = planFailures(config, plan, move.mover, card, people);
  if (failures.length > 0) return { verdict: 'deny', stage: target, failures };
  return { verdict: 'allow', stage: target, direction: plan.kind === 'backward' ? 'backward' : plan.direction };
}

function planFailures(config: ProcessConfig, plan: MovePlan, mover: string, card: CardSnapshot, people: People | undefined): Failure[] {
  if (plan.kind === 'backward') return backwardMove(config, plan.source, plan.target);
  return [
    ...(plan.exitFrom ? exitRule(config, plan.exitFrom, plan.target, mover, people) : []),
    ...plan.entered.flatMap((stage) => [
      ...allowedMover(config, stage, stage.gate?.movers, mover, 'into', people),
      ...allowedSource(stage, plan.sourceList),
    ]),
    ...gateDataFailures(config, plan.dataStages, card),
  ];
}
