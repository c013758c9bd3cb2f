import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { redactRedisUrl } from './redact-redis-url';
import { checkRedisDurability, type RedisDurability } from './redis-durability';

/**
 * At start: Redis is the system of record, so a Redis that keeps nothing on disk stops the start
 * with the one-line fix, unless `acceptDataLoss` (ACCEPT_REDIS_DATA_LOSS, demos and tests), which
 * only logs one warning. An eviction policy other than noeviction is refused either way: it loses
 * jobs and locks while Redis runs, not just on a restart. Returns the check for readiness and metrics.
 */
export async function requireDurableRedis(opts: {
  redis: Redis;
  url: string;
  acceptDataLoss: boolean;
  log: Pick<Logger, 'warn'>;
}): Promise<RedisDurability> {
  const check = await checkRedisDurability(opts.redis, opts.url);
  const waivable = check.problems.filter((problem) => !check.evictionProblems.includes(problem));
  const refused = opts.acceptDataLoss ? check.evictionProblems : check.problems;
  if (refused.length > 0) throw new Error(refused.join('\n'));
  const redis = redactRedisUrl(opts.url);
  if (waivable.length > 0) {
    opts.log.warn(
      { redis, problems: waivable },
      '[redis] starting on a Redis that may keep nothing on disk because ACCEPT_REDIS_DATA_LOSS=true: a restart erases stage history, the audit log and pending deadlines',
    );
  } else if (!check.aof) {
    opts.log.warn(
      { redis },
      '[redis] RDB snapshots only: a crash loses every write since the last snapshot. Turn on AOF too: CONFIG SET appendonly yes; CONFIG SET appendfsync everysec (and in redis.conf)',
    );
  }
  return check;
}
