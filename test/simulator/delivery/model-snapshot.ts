import type { SimState } from '../state/sim-state';
import { boardJson, nestedListJson } from '../serialize/board-json';
import { cardJson, parseCardOptions } from '../serialize/card-json';
import { memberJson } from '../serialize/member-json';

/**
 * The `model` of a delivery: the watched object as it is right after the action (docs/trello-reference.md §1.5),
 * i.e. the board for a board webhook, the list `{id,name,closed,idBoard,pos}` for a
 * list webhook. Card and member models use the simulator's default REST shapes (no
 * capture of those envelopes was available).
 */
export function modelSnapshot(state: SimState, idModel: string): Record<string, unknown> {
  const board = state.boards.get(idModel);
  if (board) return boardJson(board);
  const list = state.lists.get(idModel);
  if (list) return nestedListJson(list);
  const card = state.cards.get(idModel);
  if (card) return cardJson(state, card, parseCardOptions(() => undefined));
  const member = state.members.get(idModel);
  if (member) return memberJson(state, member, ['fullName', 'username', 'initials', 'avatarHash']);
  return { id: idModel };
}
