import type { SimState } from '../state/sim-state';
import type { CardRecord } from '../state/records';
import { boardJson, nestedListJson } from './board-json';
import { checklistJson, type ChecklistFields } from './checklist-json';
import { CARD_MEMBER_DEFAULT_FIELDS, memberJson } from './member-json';
import { parseFields, pickFields, slugOf, type FieldSelection } from './pick-fields';

/** `GET /1/cards/{id}` default `fields` per the swagger (docs/trello-reference.md §3.1); Trello's live answer may hold more. */
export const DEFAULT_CARD_FIELDS: FieldSelection = [
  'badges', 'checkItemStates', 'closed', 'dateLastActivity', 'desc', 'descData', 'due', 'start', 'idBoard',
  'idChecklists', 'idLabels', 'idList', 'idMembers', 'idShort', 'idAttachmentCover', 'manualCoverAttachment',
  'labels', 'name', 'pos', 'shortUrl', 'url',
];

export type CardOptions = {
  fields: FieldSelection;
  list: boolean;
  checklists: boolean;
  checklistFields: ChecklistFields;
  pluginData: boolean;
  members: boolean;
  memberFields: FieldSelection;
  board: boolean;
};

/** Reads Trello's nested-resource parameters (docs/trello-reference.md §3.1) from a param getter. */
export function parseCardOptions(get: (name: string) => string | undefined, defaults = DEFAULT_CARD_FIELDS): CardOptions {
  return {
    fields: parseFields(get('fields'), defaults),
    list: get('list') === 'true',
    checklists: get('checklists') === 'all',
    checklistFields: { checklist: parseFields(get('checklist_fields'), 'all'), checkItem: parseFields(get('checkItem_fields'), 'all') },
    pluginData: get('pluginData') === 'true',
    members: get('members') === 'true',
    memberFields: parseFields(get('member_fields'), CARD_MEMBER_DEFAULT_FIELDS),
    board: get('board') === 'true',
  };
}

export function cardJson(state: SimState, card: CardRecord, options: CardOptions): Record<string, unknown> {
  const json = pickFields(allCardFields(state, card), options.fields);
  if (options.list) json['list'] = nestedListJson(state.listOf(card));
  if (options.board) json['board'] = boardJson(state.boardOf(card));
  if (options.members) {
    json['members'] = card.idMembers.flatMap((id) => {
      const member = state.members.get(id);
      return member ? [memberJson(state, member, options.memberFields)] : [];
    });
  }
  if (options.checklists) json['checklists'] = state.checklistsOf(card.id).map((c) => checklistJson(c, options.checklistFields));
  // REST exposes shared pluginData only (docs/trello-reference.md §3.6).
  if (options.pluginData) json['pluginData'] = state.pluginDataOf(card.id).filter((p) => p.access === 'shared').map((p) => ({ ...p }));
  return json;
}

/** Every card field, in the order of the docs/trello-reference.md §3.1 response example. */
function allCardFields(state: SimState, card: CardRecord): Record<string, unknown> {
  const items = state.checklistsOf(card.id).flatMap((c) => c.checkItems);
  const complete = items.filter((i) => i.state === 'complete');
  const url = `https://trello.com/c/${card.shortLink}`;
  return {
    id: card.id,
    badges: {
      attachmentsByType: { trello: { board: 0, card: 0 } },
      location: false,
      votes: 0,
      viewingMemberVoted: false,
      subscribed: false,
      fogbugz: '',
      checkItems: items.length,
      checkItemsChecked: complete.length,
      checkItemsEarliestDue: null,
      comments: state.actions.filter((a) => a.type === 'commentCard' && cardIdOf(a.data) === card.id).length,
      attachments: 0,
      description: card.desc.length > 0,
      due: null,
      dueComplete: false,
      start: null,
    },
    // Deprecated in Trello; the simulator lists the complete items as `{idCheckItem, state}` (docs/trello-reference.md §3.7).
    checkItemStates: complete.map((i) => ({ idCheckItem: i.id, state: i.state })),
    closed: card.closed,
    dueComplete: false,
    dateLastActivity: card.dateLastActivity,
    desc: card.desc,
    descData: { emoji: {} },
    due: null,
    dueReminder: null,
    email: null,
    idBoard: card.idBoard,
    idChecklists: state.checklistsOf(card.id).map((c) => c.id),
    idList: card.idList,
    idMembers: [...card.idMembers],
    idMembersVoted: [],
    idShort: card.idShort,
    idAttachmentCover: null,
    labels: [],
    idLabels: [],
    manualCoverAttachment: false,
    name: card.name,
    pos: card.pos,
    shortLink: card.shortLink,
    shortUrl: url,
    start: null,
    subscribed: false,
    url: `${url}/${card.idShort}-${slugOf(card.name)}`,
    cover: { idAttachment: null, color: null, idUploadedBackground: null, size: 'normal', brightness: 'dark', idPlugin: null },
    isTemplate: false,
    cardRole: null,
  };
}

export function cardIdOf(data: Record<string, unknown>): string | undefined {
  const card = data['card'];
  if (typeof card !== 'object' || card === null) return undefined;
  const id = (card as Record<string, unknown>)['id'];
  return typeof id === 'string' ? id : undefined;
}
