import type { PluginDataItem, SimCard, TrelloAction, WebhookInfo } from '../types';

/** What the simulator stores. Serializers turn these into Trello's response shapes. */

export type MemberRecord = {
  id: string;
  username: string;
  fullName: string;
  initials: string;
  avatarHash: string;
  token: string;
};

export type BoardRecord = {
  id: string;
  name: string;
  desc: string;
  closed: boolean;
  shortLink: string;
  memberIds: string[];
  /** Members whose board membership is `admin` (the rest are `normal`). */
  adminIds?: string[];
  nextIdShort: number;
};

export type ListRecord = { id: string; idBoard: string; name: string; closed: boolean; pos: number };

/** The stored card: `inspectCard`'s SimCard without what it joins in from lists, checklists and pluginData. */
export type CardRecord = Omit<SimCard, 'listName' | 'checklists' | 'pluginData'>;

export type CheckItemRecord = {
  id: string;
  idChecklist: string;
  name: string;
  pos: number;
  state: 'complete' | 'incomplete';
};

export type ChecklistRecord = {
  id: string;
  idBoard: string;
  idCard: string;
  name: string;
  pos: number;
  checkItems: CheckItemRecord[];
};

export type PluginDataRecord = PluginDataItem;

/** Webhooks belong to the token that created them (docs/trello-reference.md §1.1). */
export type WebhookRecord = WebhookInfo & { token: string };

/** Who performs a mutation: `appId` null means the Trello UI (docs/trello-reference.md §2 `appCreator`). */
export type Actor = { member: MemberRecord; appId: string | null };

export type RecordedAction = TrelloAction;
