// Errors the Trello client throws. Workers branch on the CLASS, never on message text:
// TrelloRetryableError → let BullMQ retry the job later; TrelloUnrecoverableError → fail it
// for good (wrap in BullMQ's UnrecoverableError). No error here ever holds the axios
// request config, because that config carries the key and token.

const RETRYABLE_HINTS = {
  TRELLO_RATE_LIMITED: 'Trello rate-limited us; the job will be retried. If this persists, something else is using the same key or token',
  TRELLO_SERVER_ERROR: 'Trello is failing; the job will be retried',
  TRELLO_NETWORK_ERROR: 'Trello could not be reached; check the base URL and network. The job will be retried',
  TRELLO_TIMEOUT: 'Trello did not answer in time; the job will be retried',
  TRELLO_LIMITER_UNAVAILABLE: 'the shared rate limiter in Redis failed; check Redis. The job will be retried',
} as const;

const UNRECOVERABLE_HINTS = {
  TRELLO_UNAUTHORIZED: 'check the Trello key and token Gatekeeper is configured with (revoked or expired token?)',
  TRELLO_FORBIDDEN: "the token's member may not touch this object; add that member to the board",
  TRELLO_NOT_FOUND: 'the card, list or board was deleted, or the token cannot see it',
  TRELLO_BAD_REQUEST: 'Trello rejected the request itself; fix the calling code or its input',
  TRELLO_INVALID_RESPONSE: 'Trello answered with a shape we do not know; update server/trello/schema.ts',
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
  if (status === 429) return 'TRELLO_RATE_LIMITED';
  if (status >= 500) return 'TRELLO_SERVER_ERROR';
  if (status === 401) return 'TRELLO_UNAUTHORIZED';
  if (status === 403) return 'TRELLO_FORBIDDEN';
  if (status === 404) return 'TRELLO_NOT_FOUND';
  return 'TRELLO_BAD_REQUEST';
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
