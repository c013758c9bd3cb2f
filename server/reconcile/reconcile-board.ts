import type { Logger } from 'pino';
import { findStage, type ProcessConfig } from '../../rules';
import type { EventQueues } from '../queue/event-queues';
import type { PendingAdvances, PendingReverts } from '../stage/pending-changes';
import type { StageHistory } from '../store/stage-history';
import type { JudgedActions } from '../store/judged-actions';
import type { TrelloClient } from '../trello/create-trello-client';
import type { TrelloCardPlace, TrelloList } from '../trello/schema';
import { arrivalInto } from '../deadlines/latest-arrival';
import { finishAdvance, type FinishAdvanceDeps } from './finish-advance';
import { missedMoveEvent } from './missed-move-event';
import { submitEvent } from './submit-event';

export type BoardReconcileDeps = FinishAdvanceDeps & {
  config: ProcessConfig;
  trello: Pick<TrelloClient, 'getBoardCardPlaces' | 'getBoardLists' | 'getCardArrivals' | 'getCard'>;
  history: Pick<StageHistory, 'current'> & FinishAdvanceDeps['history'];
  judged: JudgedActions;
  reverts: PendingReverts;
  advances: PendingAdvances;
  eventQueues: Pick<EventQueues, 'queues' | 'enqueue' | 'ensureOrdered'>;
  /** Whether the board's one-off history rebuild has run: before it, a card without history predates the service. */
  rebuilt(boardId: string): Promise<boolean>;
  /** A mark younger than this belongs to a request or job still running. */
  staleAfterMs: number;
  now(): Date;
  log: Logger;
};

export type BoardReconcileReport = {
  boardId: string;
  cards: number;
  /** Cards not in the last stage they were accepted in, or in a stage with no history at all. */
  outOfPlace: number;
  /** Moves found and put in the card's queue to be judged (a failed job of the same move retried). */
  queued: number;
  /** Reverts interrupted and given up on, queued again to be finished. */
  revertsResumed: number;
  /** «Следующий этап» moves made on Trello whose recording was interrupted, finished here. */
  advancesFinished: number;
};

/**
 * One board's sweep: one Trello read of where every card is, compared with the stage history.
 * Only a card out of place costs more (the board's lists once, its actions for the mover), and
 * it is judged by the ordinary worker, in its card's queue, so it never races a live event.
 */
export async function reconcileBoard(boardId: string, deps: BoardReconcileDeps): Promise<BoardReconcileReport> {
  const report: BoardReconcileReport = { boardId, cards: 0, outOfPlace: 0, queued: 0, revertsResumed: 0, advancesFinished: 0 };
  const cards = await deps.trello.getBoardCardPlaces(boardId);
  report.cards = cards.length;
  const visits = await Promise.all(cards.map((card) => deps.history.current(card.id)));
  const rebuilt = await deps.rebuilt(boardId);
  // Two reads for the whole board: only the few cards with a change in progress are looked at.
  const interrupted = new Set([...(await deps.reverts.cards()), ...(await deps.advances.cards())]);
  let lists: Map<string, TrelloList> | undefined;
  for (const [n, card] of cards.entries()) {
    const visit = visits[n] ?? null;
    if (interrupted.has(card.id) && (await resumeInterrupted(card, deps, report))) continue;
    if (visit?.listId === card.idList) continue;
    lists ??= new Map((await deps.trello.getBoardLists(boardId)).map((l) => [l.id, l]));
    const list = lists.get(card.idList);
    // A list outside the process is not judged; a card with no history waits for the rebuild.
    if (!list || !findStage(deps.config, list.name) || (!visit && !rebuilt)) continue;
    report.outOfPlace += 1;
    const arrival = arrivalInto(await deps.trello.getCardArrivals(card.id), card.idList);
    const arrivalJudged = arrival ? await deps.judged.has(arrival.id) : false;
    const event = missedMoveEvent({ boardId, card, list, visit, arrival, arrivalJudged, now: deps.now() });
    const submitted = await submitEvent(deps.eventQueues, event);
    if (submitted === 'queued' || submitted === 'retried') report.queued += 1;
    deps.log.warn({ cardId: card.id, cardName: card.name, from: visit?.stage ?? null, to: list.name, actionId: event.actionId, submitted }, 'reconciliation: a move nobody judged, queued');
  }
  return report;
}

/**
 * A revert or a «Следующий этап» move whose process died half-way: finished, or queued again.
 * True when the card was dealt with this way and needs nothing else this sweep.
 */
async function resumeInterrupted(card: TrelloCardPlace, deps: BoardReconcileDeps, report: BoardReconcileReport): Promise<boolean> {
  const revert = await deps.reverts.get(card.id);
  if (revert) {
    // Its job, if still waiting or running, finishes it; one given up on is retried.
    const submitted = await submitEvent(deps.eventQueues, revert.event);
    if (submitted === 'retried' || submitted === 'queued') report.revertsResumed += 1;
    // A job that ran to the end left its mark behind: the card is judged afresh below.
    if (submitted !== 'judged') return true;
    await deps.reverts.finish(card.id, revert.event.actionId);
  }
  const stale = (since: string) => deps.now().getTime() - Date.parse(since) > deps.staleAfterMs;
  const advance = await deps.advances.get(card.id);
  if (!advance) return false;
  if (!stale(advance.since)) return true;
  if (await finishAdvance(advance, deps)) report.advancesFinished += 1;
  return card.idList === advance.event.toList.id;
}
