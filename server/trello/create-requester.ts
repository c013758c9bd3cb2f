import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { createTrelloError, isRetryableCode, type TrelloFailure } from './errors';
import { backoffDelay } from './retry';
import { createRedactor } from './redact-secrets';
import { attemptOnce } from './attempt-once';
import type { RequesterDeps, SendRequest } from './requester-types';

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
      await sleep(backoffDelay(deps.retry, attempt, outcome.failure.code === 'trello_rate_limited'));
    }
  };
}

function logFailedAttempt(log: Logger, failure: TrelloFailure, attempt: number, willRetry: boolean): void {
  const { method, path, status, code, detail } = failure;
  log.warn({ method, path, status, attempt, code, detail, willRetry }, '[trello] request attempt failed');
}
