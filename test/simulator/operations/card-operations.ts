import { commentAction } from '../actions/comment-action';
import { createCardAction, deleteCardAction, moveCardAction, updateCardAction, type CardFieldChange } from '../actions/card-actions';
import { addMemberToCardAction } from '../actions/member-actions';
import { SimError } from '../errors';
import { resolvePos, type PosInput } from '../state/positions';
import type { SimState } from '../state/sim-state';
import type { Actor, CardRecord, ListRecord, MemberRecord } from '../state/records';
import type { TrelloAction } from '../types';

/**
 * Card mutations shared by the REST routes and the UI actor, so both produce the
 * same actions and both reach webhooks (docs/trello-reference.md §7 item 2).
 */

export function createCard(
  state: SimState,
  actor: Actor,
  input: { list: ListRecord; name: string; desc?: string; pos?: PosInput },
): CardRecord {
  const board = state.boardOf(input.list);
  const existing = state.cardsInList(input.list.id).map((c) => c.pos);
  const card: CardRecord = {
    id: state.ids.objectId(),
    idBoard: board.id,
    idList: input.list.id,
    name: input.name,
    desc: input.desc ?? '',
    closed: false,
    // POST /1/cards defaults to the bottom of the list, as Trello's docs say.
    pos: resolvePos(input.pos ?? 'bottom', existing),
    idShort: board.nextIdShort++,
    shortLink: state.ids.shortLink(),
    idMembers: [],
    dateLastActivity: state.nowIso(),
  };
  state.cards.set(card.id, card);
  state.record(createCardAction(state, actor, card), [board.id, input.list.id, card.id]);
  return card;
}

export type CardChanges = { list?: ListRecord; pos?: PosInput; closed?: boolean; name?: string; desc?: string };

/**
 * Applies a PUT. Trello emits one action per changed aspect; a change of list is the
 * single move action of docs/trello-reference.md §2.1 (no separate position action), other fields each get
 * their own updateCard (docs/trello-reference.md §2.2). Unchanged values emit nothing.
 */
export function updateCard(state: SimState, actor: Actor, card: CardRecord, changes: CardChanges): CardRecord {
  const before = state.listOf(card);
  const emitted: { action: TrelloAction; modelIds: string[] }[] = [];
  const emit = (action: TrelloAction) => emitted.push({ action, modelIds: [card.idBoard, card.idList, card.id] });

  if (changes.list && changes.list.idBoard !== card.idBoard) throw new SimError(400, 'invalid value for idList');
  const moving = changes.list !== undefined && changes.list.id !== before.id;
  if (moving && changes.list) {
    const siblings = state.cardsInList(changes.list.id).map((c) => c.pos);
    card.idList = changes.list.id;
    // Without `pos` the card keeps its position number, as the simulator assumes Trello does.
    if (changes.pos !== undefined) card.pos = resolvePos(changes.pos, siblings);
    const action = moveCardAction(state, actor, card, before);
    emitted.push({ action, modelIds: [card.idBoard, before.id, card.idList, card.id] });
  } else if (changes.pos !== undefined) {
    const siblings = state.cardsInList(card.idList).filter((c) => c.id !== card.id).map((c) => c.pos);
    const old = card.pos;
    card.pos = resolvePos(changes.pos, siblings);
    if (card.pos !== old) emit(updateCardAction(state, actor, card, { field: 'pos', old }));
  }
  for (const field of ['name', 'desc', 'closed'] as const) {
    const value = changes[field];
    if (value === undefined || value === card[field]) continue;
    const change = { field, old: card[field] } as CardFieldChange;
    Object.assign(card, { [field]: value });
    emit(updateCardAction(state, actor, card, change));
  }
  if (emitted.length > 0) card.dateLastActivity = state.nowIso();
  for (const { action, modelIds } of emitted) state.record(action, modelIds);
  return card;
}

/**
 * DELETE /1/cards/{id}: the card and its pluginData go; its checklists and its actions
 * (comments included) stay behind as history. The deleteCard action reaches webhooks on
 * the board and the list only, as the card no longer exists.
 */
export function deleteCard(state: SimState, actor: Actor, card: CardRecord): TrelloAction {
  const action = deleteCardAction(state, actor, card);
  state.cards.delete(card.id);
  for (const [key, item] of state.pluginData) if (item.idModel === card.id) state.pluginData.delete(key);
  state.record(action, [card.idBoard, card.idList]);
  return action;
}

export function addComment(state: SimState, actor: Actor, card: CardRecord, text: string): TrelloAction {
  if (text.length === 0 || text.length > 16384) throw new SimError(400, 'invalid value for text');
  const action = commentAction(state, actor, card, text);
  card.dateLastActivity = action.date;
  state.record(action, [card.idBoard, card.idList, card.id]);
  return action;
}

/**
 * POST /1/cards/{id}/idMembers: only a member of the card's board can be put on it. A member
 * already on the card is refused as Trello does (400 `member is already on the card`; the wording
 * is the simulator's, the refusal is Trello's).
 */
export function addMemberToCard(state: SimState, actor: Actor, card: CardRecord, member: MemberRecord | undefined): TrelloAction {
  if (!member || !state.boardOf(card).memberIds.includes(member.id)) throw new SimError(400, 'invalid value for value');
  if (card.idMembers.includes(member.id)) throw new SimError(400, 'member is already on the card');
  card.idMembers.push(member.id);
  const action = addMemberToCardAction(state, actor, card, member);
  card.dateLastActivity = action.date;
  state.record(action, [card.idBoard, card.idList, card.id]);
  return action;
}
