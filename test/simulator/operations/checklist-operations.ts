import { addChecklistAction, checkItemStateAction, createCheckItemAction } from '../actions/checklist-actions';
import { resolvePos, type PosInput } from '../state/positions';
import type { SimState } from '../state/sim-state';
import type { Actor, CardRecord, CheckItemRecord, ChecklistRecord } from '../state/records';

/** Checklist mutations shared by REST and the UI actor (docs/trello-reference.md §3.7). */

export function addChecklist(
  state: SimState,
  actor: Actor,
  card: CardRecord,
  input: { name: string; pos?: PosInput },
): ChecklistRecord {
  const existing = state.checklistsOf(card.id).map((c) => c.pos);
  const checklist: ChecklistRecord = {
    id: state.ids.objectId(),
    idBoard: card.idBoard,
    idCard: card.id,
    name: input.name,
    pos: resolvePos(input.pos ?? 'bottom', existing),
    checkItems: [],
  };
  state.checklists.set(checklist.id, checklist);
  state.record(addChecklistAction(state, actor, card, checklist), [card.idBoard, card.idList, card.id]);
  return checklist;
}

export function addCheckItem(
  state: SimState,
  actor: Actor,
  checklist: ChecklistRecord,
  input: { name: string; checked?: boolean; pos?: PosInput },
): CheckItemRecord {
  const card = cardOf(state, checklist);
  const item: CheckItemRecord = {
    id: state.ids.objectId(),
    idChecklist: checklist.id,
    name: input.name,
    pos: resolvePos(input.pos ?? 'bottom', checklist.checkItems.map((i) => i.pos)),
    state: input.checked ? 'complete' : 'incomplete',
  };
  checklist.checkItems.push(item);
  checklist.checkItems.sort((a, b) => a.pos - b.pos);
  state.record(createCheckItemAction(state, actor, card, checklist, item), [card.idBoard, card.idList, card.id]);
  return item;
}

/**
 * Sets an item's state. Only a real change emits updateCheckItemStateOnCard: the
 * simulator assumes Trello records no action for a no-op (not verified).
 */
export function setCheckItemState(
  state: SimState,
  actor: Actor,
  card: CardRecord,
  item: CheckItemRecord,
  complete: boolean,
): CheckItemRecord {
  const next = complete ? 'complete' : 'incomplete';
  if (item.state === next) return item;
  item.state = next;
  card.dateLastActivity = state.nowIso();
  const checklist = state.checklists.get(item.idChecklist);
  if (!checklist) throw new Error(`[simulator] check item ${item.id} has no checklist`);
  state.record(checkItemStateAction(state, actor, card, checklist, item), [card.idBoard, card.idList, card.id]);
  return item;
}

/** Finds a check item on a card, or undefined. */
export function findCheckItem(state: SimState, card: CardRecord, idCheckItem: string): CheckItemRecord | undefined {
  for (const checklist of state.checklistsOf(card.id)) {
    const item = checklist.checkItems.find((i) => i.id === idCheckItem);
    if (item) return item;
  }
  return undefined;
}

function cardOf(state: SimState, checklist: ChecklistRecord): CardRecord {
  const card = state.cards.get(checklist.idCard);
  if (!card) throw new Error(`[simulator] checklist ${checklist.id} has no card`);
  return card;
}
