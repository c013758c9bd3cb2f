import type { SimState } from '../state/sim-state';
import type { Actor, CardRecord } from '../state/records';
import type { TrelloAction } from '../types';
import { boardRef, cardRef, listRef, newAction } from './action-parts';

/**
 * commentCard, shaped like fixture commentCard-raw-body-2021.json (docs/trello-reference.md §2.6) plus the
 * `textData` that 2022+ comments carry.
 */
export function commentAction(state: SimState, actor: Actor, card: CardRecord, text: string): TrelloAction {
  return newAction(state, actor, {
    type: 'commentCard',
    data: {
      text,
      textData: { emoji: {} },
      card: cardRef(card),
      board: boardRef(state.boardOf(card)),
      list: listRef(state.listOf(card)),
    },
    limits: {
      reactions: {
        perAction: { status: 'ok', disableAt: 1000, warnAt: 900 },
        uniquePerAction: { status: 'ok', disableAt: 17, warnAt: 16 },
      },
    },
    translationKey: 'action_comment_on_card',
    entities: {
      contextOn: { type: 'translatable', translationKey: 'action_on', hideIfContext: true, idContext: card.id },
      card: { type: 'card', hideIfContext: true, id: card.id, shortLink: card.shortLink, text: card.name },
      comment: { type: 'comment', text },
    },
  });
}
