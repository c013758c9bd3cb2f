import type { IdFactory } from '../ids';
import type { TrelloAction } from '../types';
import type {
  BoardRecord,
  CardRecord,
  ChecklistRecord,
  ListRecord,
  MemberRecord,
  PluginDataRecord,
  WebhookRecord,
} from './records';

/** Called for every new action with the ids of the models it touches (board, card, lists). */
export type ActionListener = (action: TrelloAction, modelIds: string[]) => void;

/** The whole in-memory Trello: records, lookups and the board action log. */
export class SimState {
  readonly members = new Map<string, MemberRecord>();
  readonly boards = new Map<string, BoardRecord>();
  readonly lists = new Map<string, ListRecord>();
  readonly cards = new Map<string, CardRecord>();
  readonly checklists = new Map<string, ChecklistRecord>();
  /** Keyed by `${idPlugin}:${idModel}`: one shared card item per Power-Up and card (docs/trello-reference.md §3.6). */
  readonly pluginData = new Map<string, PluginDataRecord>();
  readonly webhooks = new Map<string, WebhookRecord>();
  readonly actions: TrelloAction[] = [];
  private readonly listeners: ActionListener[] = [];

  constructor(
    readonly ids: IdFactory,
    readonly now: () => number = Date.now,
  ) {}

  nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  onAction(listener: ActionListener): void {
    this.listeners.push(listener);
  }

  record(action: TrelloAction, modelIds: string[]): void {
    this.actions.push(action);
    for (const listener of this.listeners) listener(action, modelIds);
  }

  memberByToken(token: string): MemberRecord | undefined {
    return [...this.members.values()].find((m) => m.token === token);
  }

  memberByIdOrUsername(idOrUsername: string): MemberRecord | undefined {
    return this.members.get(idOrUsername) ?? [...this.members.values()].find((m) => m.username === idOrUsername);
  }

  boardByIdOrShortLink(id: string): BoardRecord | undefined {
    return this.boards.get(id) ?? [...this.boards.values()].find((b) => b.shortLink === id);
  }

  cardByIdOrShortLink(id: string): CardRecord | undefined {
    return this.cards.get(id) ?? [...this.cards.values()].find((c) => c.shortLink === id);
  }

  listsOf(boardId: string): ListRecord[] {
    return [...this.lists.values()].filter((l) => l.idBoard === boardId).sort((a, b) => a.pos - b.pos);
  }

  cardsInList(listId: string): CardRecord[] {
    return [...this.cards.values()].filter((c) => c.idList === listId && !c.closed).sort((a, b) => a.pos - b.pos);
  }

  checklistsOf(cardId: string): ChecklistRecord[] {
    return [...this.checklists.values()].filter((c) => c.idCard === cardId).sort((a, b) => a.pos - b.pos);
  }

  pluginDataOf(cardId: string): PluginDataRecord[] {
    return [...this.pluginData.values()].filter((p) => p.idModel === cardId);
  }

  /** The list a card sits in; every card has one, so a miss is a simulator bug. */
  listOf(card: CardRecord): ListRecord {
    const list = this.lists.get(card.idList);
    if (!list) throw new Error(`[simulator] card ${card.id} points at missing list ${card.idList}`);
    return list;
  }

  boardOf(model: { idBoard: string }): BoardRecord {
    const board = this.boards.get(model.idBoard);
    if (!board) throw new Error(`[simulator] missing board ${model.idBoard}`);
    return board;
  }
}
