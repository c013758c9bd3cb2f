import type { BoardSummary, CardHistory, DecisionsPage, TakeAnswer, Verdict } from '../../rules/reports/report-types';
import type { BoardStatus, NextStageAnswer, RevealAnswer, RulesAnswer, ShareAnswer, VaultAccessAnswer, VaultAnswer } from '../model/api-contract';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
  }
}

export type ApiClient = {
  rules(): Promise<RulesAnswer>;
  boardStatus(boardId: string): Promise<BoardStatus>;
  /** 200 moved, 409 refused (with the reasons): both are answers, not errors. */
  nextStage(cardId: string): Promise<NextStageAnswer>;
  /** The director's view for a period (ISO instants, `to` exclusive); the server's default without one. */
  summary(boardId: string, period?: { from: string; to: string }): Promise<BoardSummary>;
  decisions(boardId: string, query: DecisionsQuery): Promise<DecisionsPage>;
  cardHistory(cardId: string): Promise<CardHistory>;
  /** «Беру»: 200 taken (or already this member's), 409 someone else was first: both are answers. */
  take(cardId: string): Promise<TakeAnswer>;
  /** A CSV export (viewers only): the file itself, to hand to the browser as a download. */
  exportFile(boardId: string, name: ExportName): Promise<Blob>;
  /** «Доступы»: the card's credentials as this member may see them (never a secret); 404 `vault_disabled` without a vault. */
  vault(cardId: string): Promise<VaultAnswer>;
  addVaultEntry(cardId: string, fields: VaultEntryInput): Promise<VaultAnswer>;
  updateVaultEntry(cardId: string, entryId: string, fields: VaultEntryInput): Promise<VaultAnswer>;
  deleteVaultEntry(cardId: string, entryId: string): Promise<VaultAnswer>;
  /** One secret, logged by the server (as a reveal or a copy) before it answers. */
  revealVaultEntry(cardId: string, entryId: string, purpose: 'reveal' | 'copy'): Promise<RevealAnswer>;
  /** The card's access log, newest first; `cursor` is the previous page's `next`. */
  vaultAccess(cardId: string, cursor?: string): Promise<VaultAccessAnswer>;
  /** The whole board's access log, newest first (`audit` only: 403 `vault_forbidden`, 404 without a vault); `limit` the server's 50 unless given. */
  vaultBoardAccess(boardId: string, cursor?: string, limit?: number): Promise<VaultAccessAnswer>;
  /** «Отправить клиенту»: a one-time link to the entries, mailed to the card's technical contact or handed back (`url`) to send. */
  shareVault(cardId: string, entryIds: string[], delivery: ShareDelivery): Promise<ShareAnswer>;
};

export type ShareDelivery = 'email' | 'copy';

/** What a member types into a «Доступы» entry; the server checks it (400 `invalid_entry`). */
export type VaultEntryInput = { label: string; login: string; secret: string; url: string; note: string };

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** An answer whose status the caller told apart (a 409 or a 422 that is an answer, not an error). */
export type ApiAnswer = { status: number; body: unknown };

/** One authorised request to the API: the raw response, or its JSON when the status is one of `ok` (an ApiError otherwise). */
export type ApiSender = {
  send(method: Method, path: string, accept: string, body?: unknown): Promise<Response>;
  answer(method: Method, path: string, ok: number[], body?: unknown): Promise<ApiAnswer>;
};

export type DecisionsQuery = { verdict?: Verdict; stage?: string; member?: string; cursor?: string; limit?: number };
export type ExportName = 'clients.csv' | 'onboardings.csv';

/**
 * The Gatekeeper API next to the Power-Up's pages (`<origin>/api/…` for pages under
 * `<origin>/powerup/`). Every call carries the JWT Trello signs for this member and board; the
 * server checks it against Trello's public keys.
 */
export function createApiClient(opts: ApiOptions): ApiClient {
  const { send, answer } = createApiSender(opts);
  const call = async <T>(method: Method, path: string, ok: number[] = [200], json?: unknown): Promise<T> => (await answer(method, path, ok, json)).body as T;
  const board = (boardId: string) => `boards/${encodeURIComponent(boardId)}`;
  const card = (cardId: string) => `cards/${encodeURIComponent(cardId)}`;
  return {
    rules: () => call('GET', 'rules'),
    boardStatus: (boardId) => call('GET', `${board(boardId)}/cards/status`),
    nextStage: (cardId) => call('POST', `${card(cardId)}/next-stage`, [200, 409]),
    summary: (boardId, period) => call('GET', `${board(boardId)}/summary${queryString(period ?? {})}`),
    decisions: (boardId, query) => call('GET', `${board(boardId)}/decisions${queryString(query)}`),
    cardHistory: (cardId) => call('GET', `${card(cardId)}/history`),
    take: (cardId) => call('POST', `${card(cardId)}/take`, [200, 409]),
    async exportFile(boardId, name) {
      const path = `${board(boardId)}/exports/${name}`;
      const response = await send('GET', path, 'text/csv');
      if (response.ok) return response.blob();
      throw failed('GET', path, response.status, response.statusText, await response.json().catch(() => undefined));
    },
    vault: (cardId) => call('GET', `${card(cardId)}/vault`),
    addVaultEntry: (cardId, fields) => call('POST', `${card(cardId)}/vault/entries`, [201], fields),
    updateVaultEntry: (cardId, entryId, fields) => call('PUT', `${card(cardId)}/vault/entries/${encodeURIComponent(entryId)}`, [200], fields),
    deleteVaultEntry: (cardId, entryId) => call('DELETE', `${card(cardId)}/vault/entries/${encodeURIComponent(entryId)}`),
    revealVaultEntry: (cardId, entryId, purpose) => call('POST', `${card(cardId)}/vault/entries/${encodeURIComponent(entryId)}/reveal`, [200], { purpose }),
    vaultAccess: (cardId, cursor) => call('GET', `${card(cardId)}/vault/access${queryString({ cursor })}`),
    vaultBoardAccess: (boardId, cursor, limit) => call('GET', `${board(boardId)}/vault/access${queryString({ limit, cursor })}`),
    shareVault: (cardId, entryIds, delivery) => call('POST', `${card(cardId)}/vault/share`, [201], { entryIds, delivery }),
  };
}

export type ApiOptions = { baseUrl: string; token: () => Promise<string>; fetch?: typeof fetch; /** ANSWER_WITHIN_MS unless a test says otherwise. */ timeoutMs?: number };

/**
 * How long a request may go unanswered before the member is told: longer than any answer takes
 * (a dry run of a large board, a mail sent while the member waits), short of «Сохраняю…» forever.
 */
export const ANSWER_WITHIN_MS = 60_000;

/**
 * The server did not answer in time. A kind of the failure fetch reports as a TypeError (the server
 * cannot be reached), so every view that says «no connection» says it for this too.
 */
export class NoAnswerError extends TypeError {
  override readonly name = 'NoAnswerError';
}

/** The requests every API client makes: the member's JWT on each, the server's own words in each failure. */
export function createApiSender(opts: ApiOptions): ApiSender {
  const doFetch = opts.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = opts.timeoutMs ?? ANSWER_WITHIN_MS;
  const send: ApiSender['send'] = async (method, path, accept, body) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${await opts.token()}`, Accept: accept };
    const signal = AbortSignal.timeout(timeoutMs);
    const init: RequestInit = body === undefined
      ? { method, headers, signal }
      : { method, headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal };
    try {
      return await doFetch(new URL(path, opts.baseUrl).href, init);
    } catch (err) {
      if (signal.aborted) throw new NoAnswerError(`[api] ${method} ${path}: no answer within ${timeoutMs / 1000} s`);
      throw err;
    }
  };
  return {
    send,
    async answer(method, path, ok, json) {
      const response = await send(method, path, 'application/json', json);
      const body: unknown = await response.json().catch(() => undefined);
      if (ok.includes(response.status)) return { status: response.status, body };
      throw failed(method, path, response.status, response.statusText, body);
    },
  };
}

function failed(method: string, path: string, status: number, statusText: string, body: unknown): ApiError {
  return new ApiError(status, `[api] ${method} ${path} answered ${status}: ${bodyMessage(body) ?? statusText}`, body);
}

/** `?a=1&b=2` from the defined values, or nothing. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const entries = Object.entries(params).filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '');
  return entries.length === 0 ? '' : `?${new URLSearchParams(entries.map(([k, v]): [string, string] => [k, String(v)])).toString()}`;
}

/** The server's own words (its JSON error's `message`: «only the stage's owner may take it») when it gave them. */
export function serverMessage(err: unknown): string | null {
  return err instanceof ApiError ? bodyMessage(err.body) : null;
}

/** A JSON error's `message`, when the body has one. */
export function bodyMessage(body: unknown): string | null {
  const message = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : null;
}

/** `/api/` beside the folder the page was served from: works under any path prefix. */
export function apiBaseUrl(pageUrl: string): string {
  return new URL('../api/', pageUrl).href;
}
