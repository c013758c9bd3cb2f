import type { CardEvent } from '../queue/card-event';
import type { StageVisit } from '../store/stage-history';
import type { TrelloCardPlace, TrelloList, TrelloListArrival } from '../trello/schema';

const UNKNOWN_MOVER = { id: '', username: '', fullName: '' };

/**
 * A move the service never heard of, as the worker judges it: from the last stage the card was
 * accepted in (or, for a card with no history, an arrival from outside) to where it is now. Its id
 * is the Trello action that put the card there when that is known and was never judged, so a late
 * webhook of the same move is a duplicate. When that action was judged and yet the card is out of
 * place (its judgement found the card elsewhere, and it came back), `reconcile-<action>`: this
 * state is judged once. Without an action (Trello's history trimmed), one id per sweep.
 */
export function missedMoveEvent(input: {
  boardId: string;
  card: TrelloCardPlace;
  list: TrelloList;
  visit: StageVisit | null;
  /** The newest action that put the card in its list, if Trello still lists one. */
  arrival: TrelloListArrival | undefined;
  /** That action was judged already (its webhook came, or an earlier sweep found it). */
  arrivalJudged: boolean;
  now: Date;
}): CardEvent {
  const { card, list, visit, arrival } = input;
  const mover = arrival?.idMemberCreator
    ? { id: arrival.idMemberCreator, username: arrival.memberCreator?.username ?? '', fullName: arrival.memberCreator?.fullName ?? '' }
    : UNKNOWN_MOVER;
  return {
    actionId: !arrival ? `reconcile-${card.id}-${card.idList}-${input.now.getTime()}` : input.arrivalJudged ? `reconcile-${arrival.id}` : arrival.id,
    kind: visit ? 'move' : 'create',
    date: arrival?.date ?? input.now.toISOString(),
    boardId: input.boardId,
    cardId: card.id,
    cardName: card.name,
    fromList: visit ? { id: visit.listId, name: visit.stage } : null,
    toList: { id: list.id, name: list.name },
    mover,
    detectedBy: 'reconciliation',
  };
}
