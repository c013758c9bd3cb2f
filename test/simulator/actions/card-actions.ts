import type { SimState } from '../state/sim-state';
import type { Actor, CardRecord, ListRecord } from '../state/records';
import type { TrelloAction } from '../types';
import { boardRef, cardEntity, cardRef, deletedCardRef, listEntity, listRef, newAction } from './action-parts';

/** createCard, shaped like fixture createCard-2020.json (docs/trello-reference.md §2.3). */
export function createCardAction(state: SimState, actor: Actor, card: CardRecord): TrelloAction {
  const list = state.listOf(card);
  return newAction(state, actor, {
    type: 'createCard',
    data: { card: cardRef(card), list: listRef(list), board: boardRef(state.boardOf(card)) },
    limits: {},
    translationKey: 'action_create_card',
    entities: { card: cardEntity(card), list: listEntity(list) },
  });
}

/**
 * deleteCard (docs/trello-reference.md §2.10): the card is gone, so `data.card` is only
 * `{id, idShort, shortLink}`, no name. The entities follow the 2017 capture in
 * yishilin/trello_dingtalk: the card is named by its number (`idCard`, a text entity, for
 * "deleted card #{idCard} from {list}"), not by a card entity.
 */
export function deleteCardAction(state: SimState, actor: Actor, card: CardRecord): TrelloAction {
  const list = state.listOf(card);
  return newAction(state, actor, {
    type: 'deleteCard',
    data: { card: deletedCardRef(card), list: listRef(list), board: boardRef(state.boardOf(card)) },
    limits: {},
    translationKey: 'action_delete_card',
    entities: { idCard: { type: 'text', text: card.idShort }, list: listEntity(list) },
  });
}

/**
 * A move between lists, shaped exactly like fixture updateCard-move-between-lists-2024.json
 * (docs/trello-reference.md §2.1): no position data at all, `old` holds only `idList`.
 */
export function moveCardAction(state: SimState, actor: Actor, card: CardRecord, before: ListRecord): TrelloAction {
  const after = state.listOf(card);
  return newAction(state, actor, {
    type: 'updateCard',
    data: {
      card: { idList: card.idList, ...cardRef(card) },
      old: { idList: before.id },
      board: boardRef(state.boardOf(card)),
      listBefore: listRef(before),
      listAfter: listRef(after),
    },
    limits: null,
    translationKey: 'action_move_card_from_list_to_list',
    entities: {
      card: { type: 'card', id: card.id, idList: card.idList, shortLink: card.shortLink, text: card.name },
      listBefore: listEntity(before),
      listAfter: listEntity(after),
    },
  });
}

export type CardFieldChange =
  | { field: 'closed'; old: boolean }
  | { field: 'name'; old: string }
  | { field: 'desc'; old: string }
  | { field: 'pos'; old: number };

/**
 * The other updateCard variants of docs/trello-reference.md §2.2 (archive, rename, description, move within a list).
 * Shapes follow fiatjaf's card-archive/card-name/card-desc/card-pos captures; the
 * translationKeys come from the docs/trello-reference.md §2.8 string table.
 */
export function updateCardAction(state: SimState, actor: Actor, card: CardRecord, change: CardFieldChange): TrelloAction {
  const newValue = card[change.field];
  return newAction(state, actor, {
    type: 'updateCard',
    data: {
      card: { [change.field]: newValue, ...cardRef(card) },
      old: { [change.field]: change.old },
      board: boardRef(state.boardOf(card)),
      list: listRef(state.listOf(card)),
    },
    limits: null,
    translationKey: translationKeyFor(change, card),
    entities: { card: cardEntity(card) },
  });
}

function translationKeyFor(change: CardFieldChange, card: CardRecord): string {
  switch (change.field) {
    case 'closed':
      return card.closed ? 'action_archived_card' : 'action_sent_card_to_board';
    case 'name':
      return 'action_renamed_card';
    case 'desc':
      return 'action_changed_description_of_card';
    case 'pos':
      return card.pos < change.old ? 'action_moved_card_higher' : 'action_moved_card_lower';
  }
}
