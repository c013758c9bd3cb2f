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

export interface RateLimiter {
  /** Resolves once this process may send one request under both the key and the token limit. */
  acquire(): Promise<void>;
  /** Holds every process back for `ms` (Trello told us a window is spent). */
  pause(scope: RateLimitScope, ms: number): Promise<void>;
}

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
}): RateLimiter {
  const { redis, limits } = options;
  redis.defineCommand(COMMAND, { numberOfKeys: 4, lua: ACQUIRE_SLOT_LUA });
  // defineCommand adds a method ioredis cannot type; this is the one place we name it.
  const acquireSlot = (redis as unknown as Record<string, AcquireSlot>)[COMMAND]!.bind(redis);
  const keys = rateLimitKeys(options.keyPrefix, options.key, options.token);

  return {
    async acquire() {
      for (;;) {
        const args = [limits.windowMs, limits.perKey, limits.perToken, randomUUID()];
        const waitMs = Number(await acquireSlot(keys.keyWindow, keys.tokenWindow, keys.keyPause, keys.tokenPause, ...args));
        if (waitMs <= 0) return;
        // A few ms of jitter so processes woken by the same expiry do not race for one slot.
        await sleep(waitMs + Math.floor(Math.random() * 5));
      }
    },
    async pause(scope, ms) {
      if (ms <= 0) return;
      await redis.set(scope === 'key' ? keys.keyPause : keys.tokenPause, '1', 'PX', Math.ceil(ms));
    },
  };
}

/**
 * Redis keys of one key+token pair. The secrets are hashed: key names show up in
 * MONITOR, slow logs and dumps. The `{…}` hash tag keeps all four keys in one cluster
 * slot, which a multi-key script needs.
 */
export function rateLimitKeys(keyPrefix: string, key: string, token: string) {
  const base = `${keyPrefix}:ratelimit:{${fingerprint(key)}}`;
  const tokenBase = `${base}:token:${fingerprint(token)}`;
  return {
    keyWindow: `${base}:key`,
    keyPause: `${base}:key:pause`,
    tokenWindow: tokenBase,
    tokenPause: `${tokenBase}:pause`,
  };
}

function fingerprint(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 16);
}
