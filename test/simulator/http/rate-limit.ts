import type { RequestHandler, Response } from 'express';
import { SimError } from '../errors';
import { credentialsOf, type Credentials } from './credentials';
import { SlidingWindow } from './sliding-window';

export type RateLimitOptions = { windowMs: number; perKey: number; perToken: number };

/** docs/trello-reference.md §4: after more than 200 429s in a window, a key gets 429 on everything until they age out. */
const KEY_LOCKOUT_AFTER_429S = 200;

/**
 * Per-key and per-token sliding windows (docs/trello-reference.md §4). Choices where Trello is not documented:
 * - Only answered requests use up quota; a 429 does not, so a client that keeps
 *   retrying recovers exactly `windowMs` after its oldest accepted request. 429s are
 *   counted separately, for the 200-per-window key lockout.
 * - The token window is checked first, so a single-token client sees API_TOKEN_LIMIT_EXCEEDED.
 * - Requests rejected earlier (failNext, 401) are not counted.
 * - The `/1/members/*` 100-per-900 s limit is not simulated.
 */
export function createRateLimit(options: RateLimitOptions, now: () => number) {
  const keys = new SlidingWindow(options.windowMs, options.perKey, now);
  const tokens = new SlidingWindow(options.windowMs, options.perToken, now);
  const keyRejections = new SlidingWindow(options.windowMs, KEY_LOCKOUT_AFTER_429S, now);

  const setHeaders = (res: Response, { key, token }: Credentials) => {
    res.set({
      'x-rate-limit-api-key-interval-ms': String(options.windowMs),
      'x-rate-limit-api-key-max': String(options.perKey),
      'x-rate-limit-api-key-remaining': String(keys.remaining(key ?? '')),
      'x-rate-limit-api-token-interval-ms': String(options.windowMs),
      'x-rate-limit-api-token-max': String(options.perToken),
      'x-rate-limit-api-token-remaining': String(tokens.remaining(token ?? '')),
    });
  };

  /** Every response carries the headers (docs/trello-reference.md §4), even ones rejected before counting. */
  const headers: RequestHandler = (req, res, next) => {
    setHeaders(res, credentialsOf(req));
    next();
  };

  const enforce: RequestHandler = (req, res, next) => {
    const credentials = credentialsOf(req);
    const key = credentials.key ?? '';
    const token = credentials.token ?? '';
    const error = tokens.isFull(token)
      ? 'API_TOKEN_LIMIT_EXCEEDED'
      : keys.isFull(key) || keyRejections.count(key) > KEY_LOCKOUT_AFTER_429S
        ? 'API_KEY_LIMIT_EXCEEDED'
        : null;
    if (error) {
      keyRejections.take(key);
      setHeaders(res, credentials);
      throw new SimError(429, { error, message: 'Rate limit exceeded' });
    }
    keys.take(key);
    tokens.take(token);
    setHeaders(res, credentials);
    next();
  };

  return { headers, enforce };
}
