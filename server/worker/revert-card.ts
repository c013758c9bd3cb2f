import type { Failure } from '../../rules';
import { aboutCardEvent } from '../notify/about-card-event';
import type { CardEvent } from '../queue/card-event';
import type { StageVisit } from '../store/stage-history';
import type { TrelloCard } from '../trello/schema';
import type { Outcome } from './audit-decision';
import type { JudgeDeps } from './judge-card-event';
import type { PendingRevert } from './pending-changes';
import { revertTarget } from './revert-target';

type RevertDeps = Pick<JudgeDeps, 'trello' | 'notifier' | 'reverts' | 'config' | 'dryRun' | 'history'>;

/**
 * A refused move, undone in recorded steps: the mark first (what, where to, why), then the move
 * back and the explanation. A process killed anywhere in between leaves the mark, and the job's
 * re-run (or the sweep) finishes the same revert instead of finding the card "moved on".
 */
export async function beginRevert(
  event: CardEvent,
  card: TrelloCard,
  refusal: { attemptedStage: string; failures: Failure[] },
  visit: StageVisit | null,
  deps: RevertDeps,
): Promise<Outcome> {
  const target = await revertTarget(event, visit, deps);
  const pending: PendingRevert = { event, target, ...refusal };
  if (deps.dryRun) return reverted(pending);
  await deps.reverts.begin(event.cardId, pending);
  return finishRevert(pending, card, deps);
}

/**
 * Moves the card back if it still sits where the refused move put it and no later move was
 * accepted meanwhile (a re-run after a back-off can come after one), then explains; both idempotent.
 */
export async function finishRevert(pending: PendingRevert, card: TrelloCard, deps: RevertDeps): Promise<Outcome> {
  const { event, target } = pending;
  const visit = await deps.history.current(event.cardId);
  const stillOwed = card.idList === event.toList.id && (!visit || visit.listId === target.id);
  if (stillOwed) await deps.trello.moveCard(event.cardId, target.id, 'top');
  // The notice's delivery ids come from the action id: sent again, it is queued and posted once.
  await deps.notifier.send({
    kind: 'move-reverted',
    ...aboutCardEvent(event, card),
    attemptedStage: pending.attemptedStage,
    revertedTo: target.name,
    reasons: pending.failures.map(({ ru, en }) => ({ ru, en })),
    ...(event.detectedBy ? { detectedBy: event.detectedBy } : {}),
  });
  return reverted(pending);
}

function reverted({ failures, target }: PendingRevert): Outcome {
  return { verdict: 'reverted', reason: failures[0]?.code ?? 'denied', failures, revertedTo: target };
}
