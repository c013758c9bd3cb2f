/** The simulator's public contract. Other modules (server/trello, e2e tests) code against these names. */

export type SimulatorOptions = {
  /** Signs webhook deliveries (`X-Trello-Webhook`, docs/trello-reference.md §1.3). */
  appSecret: string;
  /** Default 0 (a free port); the host is always 127.0.0.1. */
  port?: number;
  /** Default Trello's: 10_000 ms, 300 per key, 100 per token (docs/trello-reference.md §4). */
  rateLimit?: { windowMs: number; perKey: number; perToken: number };
  /** Default [30_000, 60_000, 120_000] (docs/trello-reference.md §1.4); tests pass small ones. */
  deliveryRetryDelaysMs?: number[];
  /** Default 30_000 (the 2017 doc's 30 s, docs/trello-reference.md §1.4). */
  deliveryTimeoutMs?: number;
  /** Default 1000 consecutive failures (docs/trello-reference.md §1.4). */
  disableAfterFailures?: number;
  /** Escape "/" as "\/" and non-ASCII as \uXXXX, like the 2021 raw capture (docs/trello-reference.md §1.3). */
  escapeJson?: boolean;
  /** The simulator's clock (epoch ms): rate-limit windows, JWT times and key overlaps, action dates and ids. Default Date.now; tests drive it instead of sleeping. */
  now?: () => number;
  log?: (line: string) => void;
};

export type MemberCreator = {
  id: string;
  activityBlocked: boolean;
  avatarHash: string | null;
  avatarUrl: string | null;
  fullName: string;
  idMemberReferrer: string | null;
  initials: string;
  nonPublic: Record<string, unknown>;
  nonPublicAvailable: boolean;
  username: string;
};

export type TrelloAction = {
  id: string;
  idMemberCreator: string;
  data: Record<string, unknown>;
  appCreator: { id: string } | null;
  type: string;
  date: string;
  limits: Record<string, unknown> | null;
  display: { translationKey: string; entities: Record<string, Record<string, unknown>> };
  memberCreator: MemberCreator;
};

export type RequestRecord = {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  /** The token the request presented (valid or not), null when it had none. */
  token: string | null;
  /** Epoch milliseconds when the response finished. */
  at: number;
};

export type DeliveryRecord = {
  actionId: string;
  actionType: string;
  webhookId: string;
  callbackURL: string;
  /** 1 for the first try, 2.. for retries. */
  attempt: number;
  /** The callback's HTTP status; absent when the attempt failed without one. */
  status?: number;
  /** Network error or timeout. */
  error?: string;
  at: number;
};

export type WebhookInfo = {
  id: string;
  description: string;
  idModel: string;
  callbackURL: string;
  active: boolean;
  consecutiveFailures: number;
  firstConsecutiveFailDate: string | null;
};

export type PluginDataItem = {
  id: string;
  idPlugin: string;
  scope: 'card';
  idModel: string;
  value: string;
  access: 'shared';
};

export type SimCheckItem = { id: string; name: string; state: 'complete' | 'incomplete'; pos: number };
export type SimChecklist = { id: string; name: string; pos: number; checkItems: SimCheckItem[] };

/** A card's current state as the simulator holds it (a deep copy). */
export type SimCard = {
  id: string;
  idBoard: string;
  idList: string;
  listName: string;
  name: string;
  desc: string;
  closed: boolean;
  pos: number;
  idShort: number;
  shortLink: string;
  idMembers: string[];
  dateLastActivity: string;
  checklists: SimChecklist[];
  pluginData: PluginDataItem[];
};

export type DemoMemberRole = 'director' | 'manager' | 'engineer' | 'accountant' | 'gatekeeper';

export type DemoBoard = {
  boardId: string;
  key: string;
  lists: Record<string, string>;
  members: Record<DemoMemberRole, { id: string; username: string; fullName: string; token: string }>;
  /** Id of the Gatekeeper Power-Up (24 hex); its shared card pluginData is what `ui().setPluginData` writes. */
  powerUpId: string;
  /** `appCreator.id` on every action made through the REST API with `key`. */
  appId: string;
};

export interface UiActor {
  createCard(listName: string, name: string): string;
  moveCard(cardId: string, toListName: string): void;
  /** Deletes the card for good (not archive): records `deleteCard` on its board and list. */
  deleteCard(cardId: string): void;
  setPluginData(cardId: string, value: Record<string, unknown>): void;
  checkItem(cardId: string, checklistName: string, itemName: string, complete?: boolean): void;
  addChecklist(cardId: string, name: string, items: string[]): void;
  comment(cardId: string, text: string): void;
}

/** What a test chooses about a `t.jwt()` token; the rest defaults like Trello (docs/trello-reference.md §5.7). */
export type PowerUpJwtInput = {
  idMember: string;
  idBoard: string;
  /** Default: the simulator's Power-Up (`powerUpId`). */
  idPlugin?: string;
  /** Default 900, the docs' example lifetime. */
  expiresInSec?: number;
  /** Epoch seconds; default now. */
  iat?: number;
  state?: string;
};

/** The claims of a `t.jwt()` token, in the order of the docs/trello-reference.md §5.7 example. */
export type PowerUpJwtClaims = {
  idPlugin: string;
  idBoard: string;
  idMember: string;
  state?: string;
  iat: number;
  exp: number;
  iss: 'trello';
};

export type FailRule = { method?: string; path: RegExp; status: number; body?: unknown; times?: number };

/** A hook on matching REST requests: `before` the simulator handles one, or `after` it has answered. */
export type RequestHook = { method?: string; path: RegExp; when: 'before' | 'after'; times?: number; run(): void };

export interface TrelloSimulator {
  url: string;
  key: string;
  appId: string;
  powerUpId: string;
  close(): Promise<void>;
  seedDemoBoard(lists?: string[]): DemoBoard;
  ui(username: string): UiActor;
  card(cardId: string): SimCard;
  comments(cardId: string): { text: string; memberCreator: string; date: string }[];
  actions(filter?: { type?: string; cardId?: string }): TrelloAction[];
  webhooks(): WebhookInfo[];
  requests: RequestRecord[];
  deliveries: DeliveryRecord[];
  resetLogs(): void;
  idle(): Promise<void>;
  failNext(rule: FailRule): void;
  /** Runs `hook.run` on matching requests (chaos tests kill a worker mid-job with it); returns a remover. */
  onRequest(hook: RequestHook): () => void;
  /** Chaos: from now on, actions the predicate accepts are never delivered (null: deliver all again). */
  loseDeliveries(predicate: ((action: TrelloAction) => boolean) | null): void;
  /** The actions withheld by `loseDeliveries`. */
  lostDeliveries(): TrelloAction[];
  /** A token exactly as `t.jwt({})` returns it: RS256 with the current key, header `{"alg":"RS256","typ":"JWT"}`. */
  mintPowerUpJwt(input: PowerUpJwtInput): string;
  /** Signs with a new key from now on; the old public key stays served for `overlapMs` (default 10 min). */
  rotateJwtKeys(opts?: { overlapMs?: number }): void;
}
