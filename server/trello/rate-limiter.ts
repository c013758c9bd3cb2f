import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { ACQUIRE_SLOT_LUA } from './acquire-slot-script';

export type RateLimits = { windowMs: number; perKey: number; perToken: number };

// Trello allows 300 requests per key and 100 per token in any 10 s
// (https://developer.atlassian.com/cloud/trello/guides/rest-api/rate-limits/).
// We stay at 90 % of that: our clock and Trello's do not start windows at the same
// instant, and a request granted here reaches Trello some milliseconds later.
export const DEFAULT_LIMITS: RateLimits = { windowMs: 10_000, perKey: 270, perToken: 90 };

export type RateLimitScope = 'key' | 'token';

/**
 * Whose turn first when the budget runs short. A revert (its card read, the move back, its
 * comment) is `urgent`: while one waits, in any process, no `normal` caller takes a slot
 * (acquire-slot-script.ts has the details).
 */
export type Priority = 'urgent' | 'normal';

export interface RateLimiter {
  /** Resolves once this process may send one request under both the key and the token limit. */
  acquire(priority?: Priority): Promise<void>;
  /** Holds every process back for `ms` (Trello told us a window is spent). */
  pause(scope: RateLimitScope, ms: number): Promise<void>;
}

/**
 * How long a waiting urgent caller's claim lasts unless renewed (it is renewed well within
 * that while the caller waits): a process killed mid-wait holds normal callers back this long at most.
 */
export const URGENT_CLAIM_MS = 3_000;

// A normal caller that finds a free slot but a live urgent claim steps aside for this long:
// the urgent caller is waking up for that slot.
const YIELD_MS = 50;

// How long a served urgent caller still holds normal callers back while the budget is short:
// longer than a busy event worker's pause between two calls (a few Redis commands, the next job).
const URGENT_LINGER_MS = 250;

type AcquireSlot = (...keysThenArgs: (string | number)[]) => Promise<number>;

// Every process that shares the Redis defines the same script under the same name;
// redefining it is harmless.
const COMMAND = 'gatekeeperTrelloAcquireSlot';

export function createRateLimiter(options: {
  redis: Redis;
  keyPrefix: string;
  key: string;
  token: string;
  limits: RateLimits;
  /** Default URGENT_CLAIM_MS; tests shorten it. */
  urgentClaimMs?: number;
}): RateLimiter {
  const { redis, limits } = options;
  const claimMs = options.urgentClaimMs ?? URGENT_CLAIM_MS;
  const lingerMs = Math.min(URGENT_LINGER_MS, claimMs);
  redis.defineCommand(COMMAND, { numberOfKeys: 5, lua: ACQUIRE_SLOT_LUA });
  // defineCommand adds a method ioredis cannot type; this is the one place we name it.
  const acquireSlot = (redis as unknown as Record<string, AcquireSlot>)[COMMAND]!.bind(redis);
  const keys = rateLimitKeys(options.keyPrefix, options.key, options.token);
  const keyList = [keys.keyWindow, keys.tokenWindow, keys.keyPause, keys.tokenPause, keys.urgentClaims];

  return {
    async acquire(priority = 'normal') {
      // One id for the whole wait: it is both the urgent claim renewed below and the window entry.
      const id = randomUUID();
      // An urgent caller asks again before its claim can lapse, however long the wait: that renews it.
      const longestSleep = priority === 'urgent' ? claimMs / 3 : Infinity;
      for (;;) {
        const args = [limits.windowMs, limits.perKey, limits.perToken, id, priority, claimMs, YIELD_MS, lingerMs];
        const waitMs = Number(await acquireSlot(...keyList, ...args));
        if (waitMs <= 0) return;
        // A few ms of jitter so processes woken by the same expiry do not race for one slot.
        await sleep(Math.min(waitMs, longestSleep) + Math.floor(Math.random() * 5));
      }
    },
    async pause(scope, ms) {
      if (ms <= 0) return;
      await redis.set(scope === 'key' ? keys.keyPause : keys.tokenPause, '1', 'PX', Math.ceil(ms));
    },
  };
}

/** The same limiter, asking at `priority` whenever its caller does not say. */
export function withPriority(limiter: RateLimiter, priority: Priority): RateLimiter {
  return {
    acquire: (asked = priority) => limiter.acquire(asked),
    pause: (scope, ms) => limiter.pause(scope, ms),
  };
}

/**
 * Redis keys of one key+token pair. The secrets are hashed: key names show up in
 * MONITOR, slow logs and dumps. The `{…}` hash tag keeps all five keys in one cluster
 * slot, which a multi-key script needs. Urgent claims are per token, the budget a revert
 * waits for: another token's normal callers under the same key are not held back by them.
 */
export function rateLimitKeys(keyPrefix: string, key: string, token: string) {
  const base = `${keyPrefix}:ratelimit:{${fingerprint(key)}}`;
  const tokenBase = `${base}:token:${fingerprint(token)}`;
  return {
    keyWindow: `${base}:key`,
    keyPause: `${base}:key:pause`,
    tokenWindow: tokenBase,
    tokenPause: `${tokenBase}:pause`,
    urgentClaims: `${tokenBase}:urgent`,
  };
}

function fingerprint(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 16);
}
