import { z } from 'zod';
import { CARD_ARRIVAL_TYPES } from '../trello/card-arrivals';
import { ListRef } from '../trello/schema';
import type { TrelloAction } from '../trello/webhook-body';

/** The job payload: a card arriving in a list, normalised from a Trello action. Never holds tokens. */
export const CardEvent = z.object({
  actionId: z.string(),
  kind: z.enum(['move', 'create']),
  date: z.string(),
  boardId: z.string(),
  cardId: z.string(),
  cardName: z.string(),
  fromList: ListRef.nullable(),
  toList: ListRef,
  /** Empty id and username when nobody can be named (a move found by the sweep without its action). */
  mover: z.object({ id: z.string(), username: z.string(), fullName: z.string() }),
  /** Set when the reconciliation sweep found the move on the board; a webhook never told of it. */
  detectedBy: z.literal('reconciliation').optional(),
});
export type CardEvent = z.infer<typeof CardEvent>;

const ARRIVALS = new Set(CARD_ARRIVAL_TYPES);

/** Maps a Trello action to a card event, or null when the action cannot break a stage rule. */
export function toCardEvent(action: TrelloAction, boardId: string): CardEvent | null {
  const { card, listBefore, listAfter, list } = action.data;
  if (!card) return null;
  const base = {
    actionId: action.id,
    date: action.date,
    boardId: action.data.board?.id ?? boardId,
    cardId: card.id,
    cardName: card.name ?? '',
    mover: {
      id: action.idMemberCreator,
      username: action.memberCreator?.username ?? '',
      fullName: action.memberCreator?.fullName ?? '',
    },
  };
  if (action.type === 'updateCard' && listBefore && listAfter) {
    return { ...base, kind: 'move', fromList: listBefore, toList: listAfter };
  }
  if (ARRIVALS.has(action.type) && list) {
    return { ...base, kind: 'create', fromList: null, toList: list };
  }
  return null;
}
