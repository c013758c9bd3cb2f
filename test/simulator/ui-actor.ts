import type { SimContext } from './context';
import { addComment, createCard, deleteCard, updateCard } from './operations/card-operations';
import { addCheckItem, addChecklist, setCheckItemState } from './operations/checklist-operations';
import { setSharedCardPluginData } from './operations/plugin-data';
import type { Actor, CardRecord, ListRecord } from './state/records';
import type { UiActor } from './types';

/**
 * A person clicking in Trello's UI: the same mutations as REST, but `appCreator` is
 * null (docs/trello-reference.md §2), no rate limit applies, and errors throw (`SimError`, message = Trello's text).
 */
export function createUiActor(ctx: SimContext, username: string): UiActor {
  const { state } = ctx;
  const member = state.memberByIdOrUsername(username);
  if (!member) throw new Error(`[simulator] ui(): no member "${username}"; seed a board first`);
  const actor: Actor = { member, appId: null };

  const cardById = (cardId: string): CardRecord => {
    const card = state.cards.get(cardId);
    if (!card) throw new Error(`[simulator] ui(): no card ${cardId}`);
    return card;
  };

  /** In the card's board, or else the newest board of this member that has the list. */
  const listByName = (name: string, boardId?: string): ListRecord => {
    const boards = [...state.boards.values()].filter((b) => b.memberIds.includes(member.id) && (!boardId || b.id === boardId));
    for (const board of boards.reverse()) {
      const list = state.listsOf(board.id).find((l) => l.name === name && !l.closed);
      if (list) return list;
    }
    throw new Error(`[simulator] ui(): no list "${name}" on ${boardId ?? `${username}'s boards`}`);
  };

  const checklistByName = (card: CardRecord, name: string) => {
    const checklist = state.checklistsOf(card.id).find((c) => c.name === name);
    if (!checklist) throw new Error(`[simulator] ui(): card ${card.id} has no checklist "${name}"`);
    return checklist;
  };

  return {
    createCard: (listName, name) => createCard(state, actor, { list: listByName(listName), name, pos: 'bottom' }).id,
    moveCard: (cardId, toListName) => {
      const card = cardById(cardId);
      // A drag to another list; the simulator drops it at the bottom.
      updateCard(state, actor, card, { list: listByName(toListName, card.idBoard), pos: 'bottom' });
    },
    deleteCard: (cardId) => {
      deleteCard(state, actor, cardById(cardId));
    },
    setPluginData: (cardId, value) => {
      setSharedCardPluginData(state, ctx.powerUpId, cardById(cardId), value);
    },
    checkItem: (cardId, checklistName, itemName, complete = true) => {
      const card = cardById(cardId);
      const item = checklistByName(card, checklistName).checkItems.find((i) => i.name === itemName);
      if (!item) throw new Error(`[simulator] ui(): checklist "${checklistName}" has no item "${itemName}"`);
      setCheckItemState(state, actor, card, item, complete);
    },
    addChecklist: (cardId, name, items) => {
      const checklist = addChecklist(state, actor, cardById(cardId), { name });
      for (const item of items) addCheckItem(state, actor, checklist, { name: item });
    },
    comment: (cardId, text) => {
      addComment(state, actor, cardById(cardId), text);
    },
  };
}
