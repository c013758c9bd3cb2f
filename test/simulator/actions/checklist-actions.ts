import type { SimState } from '../state/sim-state';
import type { Actor, CardRecord, CheckItemRecord, ChecklistRecord } from '../state/records';
import type { TrelloAction } from '../types';
import { boardRef, cardEntity, cardRef, newAction } from './action-parts';

const checklistRef = (c: ChecklistRecord) => ({ id: c.id, name: c.name });

/** addChecklistToCard: data as in fiatjaf's checklist-add capture; key from docs/trello-reference.md §2.8. */
export function addChecklistAction(state: SimState, actor: Actor, card: CardRecord, checklist: ChecklistRecord): TrelloAction {
  return newAction(state, actor, {
    type: 'addChecklistToCard',
    data: { card: cardRef(card), checklist: checklistRef(checklist), board: boardRef(state.boardOf(card)) },
    limits: {},
    translationKey: 'action_add_checklist_to_card',
    entities: {
      checklist: { type: 'checklist', id: checklist.id, text: checklist.name },
      card: cardEntity(card),
    },
  });
}

/** Both check-item actions are built from the same arguments. */
type CheckItemActionBuilder = (
  state: SimState,
  actor: Actor,
  card: CardRecord,
  checklist: ChecklistRecord,
  item: CheckItemRecord,
) => TrelloAction;

/**
 * What the check-item actions share: `board` last in data, empty limits, and the check item and
 * card as entities (the entity key is lower-case `checkitem` in the capture, docs/trello-reference.md §2.4). The other
 * data keys come from each action's capture, in its own key order.
 */
function checkItemAction(
  type: string,
  translationKey: (item: CheckItemRecord) => string,
  refs: (card: CardRecord, checklist: ChecklistRecord, item: CheckItemRecord) => Record<string, unknown>,
): CheckItemActionBuilder {
  return (state, actor, card, checklist, item) =>
    newAction(state, actor, {
      type,
      data: { ...refs(card, checklist, item), board: boardRef(state.boardOf(card)) },
      limits: {},
      translationKey: translationKey(item),
      entities: { checkitem: checkItemEntity(item), card: cardEntity(card) },
    });
}

/**
 * createCheckItem: data as in fiatjaf's checkitem-add capture (2015, no display).
 * The translationKey is a guess: no capture with `display` was found.
 */
export const createCheckItemAction = checkItemAction(
  'createCheckItem',
  () => 'action_add_checkitem_to_checklist',
  (card, checklist, item) => ({
    checkItem: { id: item.id, name: item.name, state: item.state },
    checklist: checklistRef(checklist),
    card: cardRef(card),
  }),
);

/** updateCheckItemStateOnCard, shaped like fixture updateCheckItemStateOnCard-2019.json (docs/trello-reference.md §2.4). */
export const checkItemStateAction = checkItemAction(
  'updateCheckItemStateOnCard',
  (item) => (item.state === 'complete' ? 'action_completed_checkitem' : 'action_marked_checkitem_incomplete'),
  (card, checklist, item) => ({
    checkItem: { state: item.state, name: item.name, id: item.id },
    checklist: { name: checklist.name, id: checklist.id },
    card: { shortLink: card.shortLink, idShort: card.idShort, name: card.name, id: card.id },
  }),
);

function checkItemEntity(item: CheckItemRecord): Record<string, unknown> {
  return { type: 'checkItem', nameHtml: item.name, id: item.id, state: item.state, text: item.name };
}
