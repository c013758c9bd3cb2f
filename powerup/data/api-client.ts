import type { BoardStatus, NextStageAnswer, RulesAnswer } from '../model/api-contract';

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
};

/**
 * The Gatekeeper API next to the Power-Up's pages (`<origin>/api/…` for pages under
 * `<origin>/powerup/`). Every call carries the JWT Trello signs for this member and board; the
 * server checks it against Trello's public keys.
 */
export function createApiClient(opts: { baseUrl: string; token: () => Promise<string>; fetch?: typeof fetch }): ApiClient {
  const doFetch = opts.fetch ?? ((input, init) => fetch(input, init));
  async function call<T>(method: 'GET' | 'POST', path: string, okStatuses: number[] = [200]): Promise<T> {
    const url = new URL(path, opts.baseUrl).href;
    const response = await doFetch(url, {
      method,
      headers: { Authorization: `Bearer ${await opts.token()}`, Accept: 'application/json' },
    });
    const body: unknown = await response.json().catch(() => undefined);
    if (okStatuses.includes(response.status)) return body as T;
    const message = isMessage(body) ? body.message : response.statusText;
    throw new ApiError(response.status, `[api] ${method} ${path} answered ${response.status}: ${message}`, body);
  }
  return {
    rules: () => call('GET', 'rules'),
    boardStatus: (boardId) => call('GET', `boards/${encodeURIComponent(boardId)}/cards/status`),
    nextStage: (cardId) => call('POST', `cards/${encodeURIComponent(cardId)}/next-stage`, [200, 409]),
  };
}

function isMessage(body: unknown): body is { message: string } {
  return typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string';
}

/** `/api/` beside the folder the page was served from: works under any path prefix. */
export function apiBaseUrl(pageUrl: string): string {
  return new URL('../api/', pageUrl).href;
}
