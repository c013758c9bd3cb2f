import type { CheckItemRecord, ChecklistRecord } from '../state/records';
import { pickFields, type FieldSelection } from './pick-fields';

/** `checklist_fields` / `checkItem_fields` of the nested-resource parameters; both default to `all`. */
export type ChecklistFields = { checklist: FieldSelection; checkItem: FieldSelection };
const ALL: ChecklistFields = { checklist: 'all', checkItem: 'all' };

/** CheckItem as in the docs/trello-reference.md §3.1 example and the swagger `CheckItem` schema (docs/trello-reference.md §3.7). */
export function checkItemJson(item: CheckItemRecord): Record<string, unknown> {
  return {
    id: item.id,
    name: item.name,
    nameData: null,
    pos: item.pos,
    state: item.state,
    idChecklist: item.idChecklist,
    due: null,
    dueReminder: null,
    idMember: null,
  };
}

/**
 * Checklist with its items, `[{id,name,idBoard,idCard,pos,checkItems}]` (docs/trello-reference.md §3.7). The
 * items stay whatever `checklist_fields` says (Trello's `checkItems` parameter defaults to all).
 */
export function checklistJson(checklist: ChecklistRecord, fields: ChecklistFields = ALL): Record<string, unknown> {
  const json = pickFields(
    { id: checklist.id, name: checklist.name, idBoard: checklist.idBoard, idCard: checklist.idCard, pos: checklist.pos },
    fields.checklist,
  );
  json['checkItems'] = checklist.checkItems.map((item) => pickFields(checkItemJson(item), fields.checkItem));
  return json;
}
