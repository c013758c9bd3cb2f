import type { SimState } from '../state/sim-state';
import type { Actor, ListRecord } from '../state/records';
import type { TrelloAction } from '../types';
import { boardRef, listEntity, listRef, newAction } from './action-parts';

/**
 * createList: `data{board{shortLink,name,id}, list{name,id}}` as in fiatjaf/trello-webhooks
 * `list-create.json` (2015, which has no `display`); the translationKey is a guess.
 */
export function createListAction(state: SimState, actor: Actor, list: ListRecord): TrelloAction {
  const board = state.boardOf(list);
  return newAction(state, actor, {
    type: 'createList',
    data: { list: listRef(list), board: boardRef(board) },
    limits: {},
    translationKey: 'action_added_list_to_board',
    entities: { list: listEntity(list), board: { type: 'board', id: board.id, shortLink: board.shortLink, text: board.name } },
  });
}
