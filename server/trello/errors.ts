// Errors the Trello client throws. Workers branch on the CLASS, never on message text:
// TrelloRetryableError → let BullMQ retry the job later; TrelloUnrecoverableError → fail it
// for good (wrap in BullMQ's UnrecoverableError). No error here ever holds the axios
// request config, because that config carries the key and token.

const RETRYABLE_HINTS = {
  trello_rate_limited: 'Trello rate-limited us; the job will be retried. If this persists, something else is using the same key or token',
  trello_server_error: 'Trello is failing; the job will be retried',
  trello_network_error: 'Trello could not be reached; check the base URL and network. The job will be retried',
  trello_timeout: 'Trello did not answer in time; the job will be retried',
  trello_limiter_unavailable: 'the shared rate limiter in Redis failed; check Redis. The job will be retried',
} as const;

const UNRECOVERABLE_HINTS = {
  trello_unauthorized: 'check the Trello key and token Gatekeeper is configured with (revoked or expired token?)',
  trello_forbidden: "the token's member may not touch this object; add that member to the board",
  trello_not_found: 'the card, list or board was deleted, or the token cannot see it',
  trello_bad_request: 'Trello rejected the request itself; fix the calling code or its input',
  trello_invalid_response: 'Trello answered with a shape we do not know; update server/trello/schema.ts',
} as const;

export type TrelloRetryableCode = keyof typeof RETRYABLE_HINTS;
export type TrelloUnrecoverableCode = keyof typeof UNRECOVERABLE_HINTS;
export type TrelloErrorCode = TrelloRetryableCode | TrelloUnrecoverableCode;

export type TrelloFailure = {
  code: TrelloErrorCode;
  status: number | undefined;
  method: string;
  /** Path without query string; secrets in it are already masked. */
  path: string;
  /** What went wrong in Trello's words (body text) or the network's (error code); already redacted. */
  detail: string;
};

export abstract class TrelloRequestError extends Error {
  abstract readonly retryable: boolean;
  readonly code: TrelloErrorCode;
  readonly status: number | undefined;
  readonly method: string;
  readonly path: string;
  readonly attempts: number;

  constructor(failure: TrelloFailure, attempts: number, hint: string) {
    super(describe(failure, attempts, hint));
    this.code = failure.code;
    this.status = failure.status;
    this.method = failure.method;
    this.path = failure.path;
    this.attempts = attempts;
  }
}

export class TrelloRetryableError extends TrelloRequestError {
  override readonly name = 'TrelloRetryableError';
  readonly retryable = true;
}

export class TrelloUnrecoverableError extends TrelloRequestError {
  override readonly name = 'TrelloUnrecoverableError';
  readonly retryable = false;
}

export function isRetryableCode(code: TrelloErrorCode): code is TrelloRetryableCode {
  return code in RETRYABLE_HINTS;
}

export function codeForStatus(status: number): TrelloErrorCode {
  if (status === 429) return 'trello_rate_limited';
  if (status >= 500) return 'trello_server_error';
  if (status === 401) return 'trello_unauthorized';
  if (status === 403) return 'trello_forbidden';
  if (status === 404) return 'trello_not_found';
  return 'trello_bad_request';
}

export function createTrelloError(failure: TrelloFailure, attempts: number): TrelloRequestError {
  const { code } = failure;
  if (isRetryableCode(code)) return new TrelloRetryableError(failure, attempts, RETRYABLE_HINTS[code]);
  return new TrelloUnrecoverableError(failure, attempts, UNRECOVERABLE_HINTS[code]);
}

function describe(failure: TrelloFailure, attempts: number, hint: string): string {
  const what = failure.status === undefined ? `failed (${failure.detail})` : `answered ${failure.status}`;
  const tries = `after ${attempts} attempt${attempts === 1 ? '' : 's'}`;
  const body = failure.status === undefined || failure.detail === '' ? '' : `: ${failure.detail}`;
  return `[trello] ${failure.method} ${failure.path} ${what} ${tries}${body}. ${hint}`;
}
