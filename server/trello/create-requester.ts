import { setTimeout as sleep } from 'node:timers/promises';
import type { AxiosInstance } from 'axios';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { createTrelloError, isRetryableCode, type TrelloFailure } from './errors';
import type { RateLimiter } from './rate-limiter';
import { backoffDelay, type RetryPolicy } from './retry';
import { createRedactor } from './redact-secrets';
import { attemptOnce } from './attempt-once';

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE';
export type QueryParams = Record<string, string | number | boolean>;

export type TrelloCall<S extends z.ZodType> = {
  method: HttpMethod;
  /** Starts with /1/; ids in it must already be URL-encoded. */
  path: string;
  params?: QueryParams;
  schema: S;
};

export type SendRequest = <S extends z.ZodType>(call: TrelloCall<S>) => Promise<z.output<S>>;

/** One attempt that went out to Trello: the HTTP status, or how it failed to get one. */
export type TrelloAttempt = {
  method: HttpMethod;
  /** As logged: the key and token masked. */
  path: string;
  status: number | 'network' | 'timeout';
};

export type RequesterDeps = {
  http: AxiosInstance;
  limiter: RateLimiter;
  retry: RetryPolicy;
  log: Logger;
  key: string;
  token: string;
  windowMs: number;
  /** Told of every attempt, retries included (metrics count them); if it throws, that is logged, not the call's failure. */
  observe?: (attempt: TrelloAttempt) => void;
};

/**
 * One Trello request with everything around it: a limiter slot before every attempt,
 * retries with back-off for 429 / 5xx / network failures, a typed error at the end.
 */
export function createRequester(deps: RequesterDeps): SendRequest {
  const redact = createRedactor([deps.key, deps.token]);
  return async (call) => {
    // The path of /1/tokens/{token}/webhooks holds the token: mask it before it is logged.
    const shownPath = redact(call.path);
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await attemptOnce(deps, call, shownPath, redact);
      if (outcome.ok) return outcome.value;
      const willRetry = isRetryableCode(outcome.failure.code) && attempt < deps.retry.attempts;
      logFailedAttempt(deps.log, outcome.failure, attempt, willRetry);
      if (!willRetry) throw createTrelloError(outcome.failure, attempt);
      await sleep(backoffDelay(deps.retry, attempt, outcome.failure.code === 'TRELLO_RATE_LIMITED'));
    }
  };
}

function logFailedAttempt(log: Logger, failure: TrelloFailure, attempt: number, willRetry: boolean): void {
  const { method, path, status, code, detail } = failure;
  log.warn({ method, path, status, attempt, code, detail, willRetry }, '[trello] request attempt failed');
}
