import type { CheckItemRecord, ChecklistRecord } from '../state/records';

/** CheckItem as in the §3.1 example and the swagger `CheckItem` schema (§3.7). */
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

/** Checklist with its items, `[{id,name,idBoard,idCard,pos,checkItems}]` (§3.7). */
export function checklistJson(checklist: ChecklistRecord): Record<string, unknown> {
  return {
    id: checklist.id,
    name: checklist.name,
    idBoard: checklist.idBoard,
    idCard: checklist.idCard,
    pos: checklist.pos,
    checkItems: checklist.checkItems.map(checkItemJson),
  };
}
