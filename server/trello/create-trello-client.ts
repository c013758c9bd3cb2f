import axios from 'axios';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { z } from 'zod';
import { CARD_ARRIVAL_TYPES } from './card-arrivals';
import { createRequester } from './create-requester';
import type { RequesterDeps } from './requester-types';
import { createRateLimiter, DEFAULT_LIMITS, withPriority, type Priority, type RateLimits } from './rate-limiter';
import { DEFAULT_RETRY, type RetryPolicy } from './retry';
import * as schema from './schema';

export type TrelloClientOptions = {
  /** Origin only, e.g. https://api.trello.com; the client appends /1/… */
  baseUrl: string;
  key: string;
  token: string;
  /** Shared by every worker process so they all count against one budget. */
  redis: Redis;
  /** e.g. 'gatekeeper' → keys 'gatekeeper:ratelimit:…' */
  keyPrefix: string;
  log: Logger;
  /** Enforced exactly as given. Defaults to 90 % of Trello's 300/key and 100/token per 10 s. */
  limits?: RateLimits;
  retry?: RetryPolicy;
  /** Per attempt. */
  timeoutMs?: number;
  /** Told of every attempt (method, masked path, status): the metrics count Trello's answers with it. */
  observe?: RequesterDeps['observe'];
  /**
   * This client's turn in the shared budget: 'urgent' calls (the event workers' reads and reverts)
   * go before every 'normal' one waiting in any process. Default 'normal'.
   */
  priority?: Priority;
};

export type CardPosition = 'top' | 'bottom' | number;

export interface TrelloClient {
  getMe(): Promise<schema.TrelloMember>;
  getCard(cardId: string): Promise<schema.TrelloCard>;
  /** The PUT answers with the card's plain fields only (no list, checklists or pluginData). */
  moveCard(cardId: string, idList: string, pos?: CardPosition): Promise<schema.TrelloCardSummary>;
  /** `priority` overrides the client's own for this comment: a revert's explanation is urgent, an arrival notice is not. */
  addComment(cardId: string, text: string, priority?: Priority): Promise<schema.TrelloCreated>;
  /** The card's newest comments (50), newest first. */
  getCardComments(cardId: string, priority?: Priority): Promise<schema.TrelloComment[]>;
  addChecklist(cardId: string, name: string, items: string[]): Promise<schema.TrelloCreated>;
  /** Puts a board member on the card (POST /1/cards/{id}/idMembers); answers with the card's members. */
  addCardMember(cardId: string, memberId: string): Promise<schema.TrelloMember[]>;
  /** Appends items to a checklist, in order. */
  addCheckItems(checklistId: string, items: string[]): Promise<void>;
  /** PUT /1/cards/{id}/checkItem/{idCheckItem}: tick (or untick) one item. */
  setCheckItemState(cardId: string, checkItemId: string, state: 'complete' | 'incomplete'): Promise<void>;
  getBoardLists(boardId: string): Promise<schema.TrelloList[]>;
  /** Every list of the board, archived ones too, with its position (Trello's float `pos`, smaller is further left). */
  getBoardListPlaces(boardId: string): Promise<schema.TrelloListPlace[]>;
  /** POST /1/lists: a new open list on the board at `pos` ('top', 'bottom' or a positive float). */
  createList(boardId: string, name: string, pos: CardPosition): Promise<schema.TrelloListPlace>;
  getBoardMembers(boardId: string): Promise<schema.TrelloMember[]>;
  /** The ids of the members who administer the board (memberships, filter=admins). */
  getBoardAdminIds(boardId: string): Promise<string[]>;
  /** The card's arrivals in lists (moves, creation), newest first: its list history, 50 at most. */
  getCardArrivals(cardId: string): Promise<schema.TrelloListArrival[]>;
  /**
   * Every open card of the board with its name, list, members and checklists, in one request;
   * with `pluginData` also the Power-Up data (up to 4 KB a card, so only when it is needed).
   */
  getBoardCards(boardId: string, include?: { pluginData?: boolean }): Promise<schema.TrelloBoardCard[]>;
  /** Every open card of the board with its name and list only: the sweep's one read of a board. */
  getBoardCardPlaces(boardId: string): Promise<schema.TrelloCardPlace[]>;
  createWebhook(input: { callbackURL: string; idModel: string; description?: string }): Promise<schema.TrelloWebhook>;
  listWebhooks(): Promise<schema.TrelloWebhook[]>;
  deleteWebhook(id: string): Promise<void>;
  /** Turns a webhook Trello disabled back on (docs/trello-reference.md §1.4: PUT /1/webhooks/{id}?active=true). */
  enableWebhook(id: string): Promise<schema.TrelloWebhook>;
}

// One request gets everything the worker judges a card by (docs/trello-reference.md §3.1).
const CARD_QUERY = {
  fields: 'id,name,idList,idBoard,closed,shortUrl,url,idShort',
  list: 'true',
  checklists: 'all',
  checklist_fields: 'name',
  checkItem_fields: 'name,state',
  pluginData: 'true',
};

// The action types that put a card into a list (the same ones the webhook reader takes);
// `updateCard:idList` keeps only the updates that changed the list (docs/trello-reference.md §3.4).
const ARRIVALS_QUERY = {
  filter: ['updateCard:idList', ...CARD_ARRIVAL_TYPES].join(','),
  fields: 'id,type,date,data,idMemberCreator',
  memberCreator_fields: 'username,fullName',
  limit: 50,
};

// One request for a whole board's readiness (docs/trello-reference.md §3.4): 200 cards cost one call, not 200.
const BOARD_CARDS_QUERY = {
  fields: 'id,name,idList,idMembers', checklists: 'all', checklist_fields: 'name', checkItem_fields: 'name,state',
};

export function createTrelloClient(options: TrelloClientOptions): TrelloClient {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const http = createHttp(options.baseUrl, options.timeoutMs ?? 15_000);
  const limiter = createRateLimiter({ ...options, limits });
  // One requester per lane over one limiter: the requester asks for slots without naming a priority.
  const requester = (priority: Priority) => createRequester({
    http,
    limiter: withPriority(limiter, priority),
    retry: options.retry ?? DEFAULT_RETRY,
    log: options.log,
    key: options.key,
    token: options.token,
    windowMs: limits.windowMs,
    observe: options.observe,
  });
  const lanes = { urgent: requester('urgent'), normal: requester('normal') };
  const own = options.priority ?? 'normal';
  const send = lanes[own];
  // Ids are encoded so a malformed id cannot turn into another path.
  const card = (cardId: string) => `/1/cards/${encodeURIComponent(cardId)}`;
  const board = (boardId: string) => `/1/boards/${encodeURIComponent(boardId)}`;
  const memberFields = { fields: 'id,username,fullName' };

  // One at a time so the items keep the order the rules list them in.
  async function addCheckItems(checklistId: string, items: string[]): Promise<void> {
    for (const item of items) {
      const path = `/1/checklists/${encodeURIComponent(checklistId)}/checkItems`;
      await send({ method: 'POST', path, params: { name: item, pos: 'bottom' }, schema: schema.TrelloCreated });
    }
  }

  return {
    getMe: () => send({ method: 'GET', path: '/1/members/me', params: memberFields, schema: schema.TrelloMember }),
    getCard: (cardId) => send({ method: 'GET', path: card(cardId), params: CARD_QUERY, schema: schema.TrelloCard }),
    moveCard: (cardId, idList, pos = 'top') =>
      send({ method: 'PUT', path: card(cardId), params: { idList, pos }, schema: schema.TrelloCardSummary }),
    addComment: (cardId, text, priority = own) =>
      lanes[priority]({ method: 'POST', path: `${card(cardId)}/actions/comments`, params: { text }, schema: schema.TrelloCreated }),
    async setCheckItemState(cardId, checkItemId, state) {
      await send({ method: 'PUT', path: `${card(cardId)}/checkItem/${encodeURIComponent(checkItemId)}`, params: { state }, schema: z.unknown() });
    },
    getCardComments: (cardId, priority = own) => lanes[priority]({
      method: 'GET', path: `${card(cardId)}/actions`, params: { filter: 'commentCard', fields: 'id,date,data', limit: 50 },
      schema: z.array(schema.TrelloComment),
    }),
    async addChecklist(cardId, name, items) {
      const checklist = await send({
        method: 'POST', path: `${card(cardId)}/checklists`, params: { name }, schema: schema.TrelloCreated,
      });
      await addCheckItems(checklist.id, items);
      return checklist;
    },
    addCheckItems: (checklistId, items) => addCheckItems(checklistId, items),
    addCardMember: (cardId, memberId) => send({
      method: 'POST', path: `${card(cardId)}/idMembers`, params: { value: memberId }, schema: schema.TrelloCardMembers,
    }),
    getCardArrivals: (cardId) => send({
      method: 'GET', path: `${card(cardId)}/actions`, params: ARRIVALS_QUERY, schema: z.array(schema.TrelloListArrival),
    }),
    getBoardLists: (boardId) => send({
      method: 'GET', path: `${board(boardId)}/lists`, params: { filter: 'all', fields: 'id,name,closed' },
      schema: z.array(schema.TrelloList),
    }),
    getBoardListPlaces: (boardId) => send({
      method: 'GET', path: `${board(boardId)}/lists`, params: { filter: 'all', fields: 'id,name,closed,pos' },
      schema: z.array(schema.TrelloListPlace),
    }),
    createList: (boardId, name, pos) =>
      send({ method: 'POST', path: '/1/lists', params: { name, idBoard: boardId, pos }, schema: schema.TrelloListPlace }),
    getBoardMembers: (boardId) =>
      send({ method: 'GET', path: `${board(boardId)}/members`, params: memberFields, schema: z.array(schema.TrelloMember) }),
    getBoardAdminIds: async (boardId) => (await send({
      method: 'GET', path: `${board(boardId)}/memberships`, params: { filter: 'admins' }, schema: z.array(schema.TrelloMembership),
    })).map((membership) => membership.idMember),
    getBoardCardPlaces: (boardId) => send({
      method: 'GET', path: `${board(boardId)}/cards`, params: { fields: 'id,name,idList' }, schema: z.array(schema.TrelloCardPlace),
    }),
    getBoardCards: (boardId, include = {}) => send({
      method: 'GET', path: `${board(boardId)}/cards`,
      params: include.pluginData ? { ...BOARD_CARDS_QUERY, pluginData: 'true' } : BOARD_CARDS_QUERY,
      schema: z.array(schema.TrelloBoardCard),
    }),
    createWebhook: (input) => send({ method: 'POST', path: '/1/webhooks', params: { ...input }, schema: schema.TrelloWebhook }),
    // Webhooks belong to the token (docs/trello-reference.md §1.1); the requester masks it in logs and errors.
    listWebhooks: () => send({
      method: 'GET', path: `/1/tokens/${encodeURIComponent(options.token)}/webhooks`, schema: z.array(schema.TrelloWebhook),
    }),
    enableWebhook: (webhookId) => send({
      method: 'PUT', path: `/1/webhooks/${encodeURIComponent(webhookId)}`, params: { active: true }, schema: schema.TrelloWebhook,
    }),
    async deleteWebhook(webhookId) {
      await send({ method: 'DELETE', path: `/1/webhooks/${encodeURIComponent(webhookId)}`, schema: z.unknown() });
    },
  };
}

function createHttp(baseUrl: string, timeoutMs: number) {
  return axios.create({
    baseURL: baseUrl,
    timeout: timeoutMs,
    // Every status comes back as a response; the requester decides what it means.
    validateStatus: () => true,
    // Raw text: Trello's error bodies are often plain text, and we validate JSON ourselves.
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    // A redirect would carry the key and token in its query string to wherever it points.
    maxRedirects: 0,
    transitional: { clarifyTimeoutError: true },
    headers: { Accept: 'application/json' },
  });
}
