import { createListAction } from '../actions/list-actions';
import { resolvePos, type PosInput } from '../state/positions';
import type { SimState } from '../state/sim-state';
import type { Actor, BoardRecord, ListRecord } from '../state/records';

/** A new open list on the board; records Trello's createList action, so board webhooks hear of it. */
export function createList(state: SimState, actor: Actor, input: { board: BoardRecord; name: string; pos?: PosInput }): ListRecord {
  const existing = state.listsOf(input.board.id).map((l) => l.pos);
  const list: ListRecord = {
    id: state.ids.objectId(),
    idBoard: input.board.id,
    name: input.name,
    closed: false,
    // Trello's default `pos` for a new list is not documented: the simulator appends it.
    pos: resolvePos(input.pos ?? 'bottom', existing),
  };
  state.lists.set(list.id, list);
  state.record(createListAction(state, actor, list), [input.board.id, list.id]);
  return list;
}
