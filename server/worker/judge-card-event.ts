import type { Logger } from 'pino';
import { evaluate, type Decision, type Failure, type ProcessConfig } from '../../rules';
import type { DeadlineScheduler } from '../deadlines/deadline-scheduler';
import type { CardEvent } from '../queue/card-event';
import type { AuditLog } from '../store/audit-log';
import type { JudgedActions } from '../store/judged-actions';
import type { StageHistory } from '../store/stage-history';
import type { Notifier } from '../notify/notice';
import { aboutCardEvent } from '../notify/about-card-event';
import type { TrelloClient } from '../trello/create-trello-client';
import type { TrelloCard } from '../trello/schema';
import { auditDecision, type Outcome } from './audit-decision';
import { toCardSnapshot } from './card-snapshot';
import { revertTarget } from './revert-target';
import { enterStage } from './enter-stage';

export type JudgeDeps = {
  config: ProcessConfig;
  trello: Pick<TrelloClient, 'getCard' | 'moveCard' | 'addChecklist' | 'getBoardLists'>;
  history: StageHistory;
  /** Every accepted entry starts its stage's clock here. */
  deadlines: DeadlineScheduler;
  audit: AuditLog;
  judged: JudgedActions;
  notifier: Notifier;
  botMemberId: string;
  powerUpId: string;
  dryRun: boolean;
  log: Logger;
};

/** Judges one card arriving in a list and acts on the board; every outcome is audited. */
export async function judgeCardEvent(event: CardEvent, deps: JudgeDeps): Promise<Outcome> {
  const outcome = await decide(event, deps);
  await auditDecision(deps.audit, event, outcome, deps.dryRun);
  await deps.judged.mark(event.actionId);
  deps.log.info({ verdict: outcome.verdict, reason: outcome.reason }, 'card event judged');
  return outcome;
}

async function decide(event: CardEvent, deps: JudgeDeps): Promise<Outcome> {
  if (await deps.judged.has(event.actionId)) return ignored('duplicate-delivery');
  if (event.mover.id === deps.botMemberId) return ignored('own-action');

  const card = await deps.trello.getCard(event.cardId);
  const decision = evaluate(
    deps.config,
    { kind: event.kind, fromList: event.fromList?.name ?? null, toList: event.toList.name, mover: event.mover.username },
    toCardSnapshot(card, deps.powerUpId, deps.log),
  );
  switch (decision.verdict) {
    case 'ignore':
      return ignored(decision.reason);
    case 'allow':
      await enterStage(event, card, decision.stage, deps);
      return { verdict: 'accepted', reason: decision.direction, failures: [], revertedTo: null };
    case 'deny':
      return revert(event, card, decision, deps);
  }
}

async function revert(
  event: CardEvent,
  card: TrelloCard,
  decision: Extract<Decision, { verdict: 'deny' }>,
  deps: JudgeDeps,
): Promise<Outcome> {
  const failures: Failure[] = decision.failures;
  // Someone (or a later event) already moved the card on: moving it now would undo their move.
  if (card.idList !== event.toList.id) return { ...ignored('card-moved-on'), failures };
  const target = await revertTarget(event, deps);
  if (!deps.dryRun) {
    await deps.trello.moveCard(event.cardId, target.id, 'top');
    await deps.notifier.send({
      kind: 'move-reverted',
      ...aboutCardEvent(event, card),
      attemptedStage: decision.stage.list,
      revertedTo: target.name,
      reasons: failures.map(({ ru, en }) => ({ ru, en })),
    });
  }
  return { verdict: 'reverted', reason: failures[0]?.code ?? 'denied', failures, revertedTo: target };
}

function ignored(reason: string): Outcome {
  return { verdict: 'ignored', reason, failures: [], revertedTo: null };
}
