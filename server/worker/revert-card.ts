import { arrivalInto } from '../deadlines/latest-arrival';
import { aboutCardEvent } from '../notify/about-card-event';
import type { CardEvent } from '../queue/card-event';
import type { StageVisit } from '../store/stage-history';
import type { TrelloCard } from '../trello/schema';
import type { Outcome } from '../stage/audit-decision';
import type { JudgeDeps } from './judge-deps';
import type { PendingRevert } from '../stage/pending-changes';
import { revertTarget } from './revert-target';

type RevertDeps = Pick<JudgeDeps, 'trello' | 'notifier' | 'reverts' | 'config' | 'dryRun' | 'botMemberId'>;

/** The refusal's reasons in the mover's words (people by full name), read once the card is back; undefined: the failures' own words. */
export type ExplainRefusal = () => Promise<PendingRevert['reasons']>;

/**
 * A refused move, undone in recorded steps: the mark first (what, where to, why), then the move
 * back and the explanation. A process killed anywhere in between leaves the mark, and the job's
 * re-run (or the sweep) finishes the same revert instead of finding the card "moved on".
 */
export async function beginRevert(
  event: CardEvent,
  card: TrelloCard,
  refusal: Pick<PendingRevert, 'attemptedStage' | 'failures' | 'reasons'>,
  visit: StageVisit | null,
  deps: RevertDeps,
  explain?: ExplainRefusal,
): Promise<Outcome> {
  const target = await revertTarget(event, visit, deps);
  const pending: PendingRevert = { event, target, ...refusal };
  if (deps.dryRun) return reverted(pending);
  await deps.reverts.begin(event.cardId, pending);
  return finishRevert(pending, card, visit, deps, explain);
}

/**
 * Moves the card back if it still sits where the refused move put it and no later move was
 * accepted meanwhile (`visit`, the history's last entry now: a re-run after a back-off can come
 * after one), then explains; both idempotent. A card found elsewhere that this revert never moved
 * was moved on by someone before the move back: as on a first run, nothing is undone or explained.
 * That includes a card someone dragged back to the target themselves (movedBackByThisRevert).
 */
export async function finishRevert(
  pending: PendingRevert,
  card: TrelloCard,
  visit: StageVisit | null,
  deps: RevertDeps,
  explain?: ExplainRefusal,
): Promise<Outcome> {
  const { event, target } = pending;
  const stillOwed = card.idList === event.toList.id && (!visit || visit.listId === target.id);
  if (stillOwed) {
    await deps.trello.moveCard(event.cardId, target.id, 'top');
    // Recorded, so that a re-run finding the card moved on again still owes the explanation.
    await deps.reverts.begin(event.cardId, { ...pending, moved: true });
  } else if (!pending.moved && !(card.idList === target.id && (await movedBackByThisRevert(pending, deps)))) {
    return { verdict: 'ignored', reason: 'card-moved-on', failures: pending.failures, revertedTo: null };
  }
  // A re-run from the mark has no namer: its comment says the failures' words (usernames).
  const reasons = pending.reasons ?? (await explain?.());
  // The notice's delivery ids come from the action id: sent again, it is queued and posted once.
  await deps.notifier.send({
    kind: 'move-reverted',
    ...aboutCardEvent(event, card),
    attemptedStage: pending.attemptedStage,
    revertedTo: target.name,
    reasons: reasons ?? pending.failures.map(({ ru, en }) => ({ ru, en })),
    ...(event.detectedBy ? { detectedBy: event.detectedBy } : {}),
  });
  return reverted(pending);
}

/**
 * A card found back in the target list with no move back recorded: either this revert's move
 * landed and its process died (or the job failed) before recording it, or someone dragged the card
 * there first, and then the move back moved nothing (a card put into the list it is in stays put on
 * Trello). Only the first is this revert's to audit and explain. Trello's history tells them apart:
 * the newest arrival into the target, the one that put the card where it is, after the refused move.
 */
async function movedBackByThisRevert({ event, target }: PendingRevert, deps: RevertDeps): Promise<boolean> {
  const arrival = arrivalInto(await deps.trello.getCardArrivals(event.cardId), target.id);
  return arrival?.idMemberCreator === deps.botMemberId;
}

function reverted({ failures, target }: PendingRevert): Outcome {
  return { verdict: 'reverted', reason: failures[0]?.code ?? 'denied', failures, revertedTo: target };
}
