import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { onRedisReconnect } from './on-redis-reconnect';
import { redactRedisUrl } from './redact-redis-url';
import { checkRedisDurability, type RedisDurability } from './redis-durability';

export type RedisDurabilityReport = RedisDurability & {
  /** The server's run id changed: Redis itself restarted, rather than the connection dropping. */
  restarted: boolean;
  checkedAt: string;
};

/**
 * After every reconnect, checks again how Redis keeps its data, logs what is wrong and hands the
 * result to `report` (for readiness and a metric). The start-up check cannot see a Redis that is
 * later restarted without persistence, or reconfigured: that is logged at error, with what was
 * lost and how to get it back. With `acceptDataLoss` a lack of persistence is only a warning.
 * Call after the first connect; returns the function that stops watching.
 */
export async function watchRedisDurability(opts: {
  redis: Redis;
  url: string;
  acceptDataLoss: boolean;
  log: Pick<Logger, 'error' | 'warn' | 'info'>;
  report(report: RedisDurabilityReport): void;
}): Promise<() => void> {
  const redis = redactRedisUrl(opts.url);
  let runId = await runIdOf(opts.redis);

  return onRedisReconnect(
    opts.redis,
    async () => {
      const now = await runIdOf(opts.redis);
      const restarted = runId !== null && now !== null && now !== runId;
      runId = now ?? runId;
      const check = await checkRedisDurability(opts.redis, opts.url);
      opts.report({ ...check, restarted, checkedAt: new Date().toISOString() });
      logCheck(check, restarted);
    },
    { log: opts.log, task: 'the Redis durability check' },
  );

  function logCheck(check: RedisDurability, restarted: boolean): void {
    const waivable = check.problems.filter((problem) => !check.evictionProblems.includes(problem));
    if (check.evictionProblems.length > 0) opts.log.error({ redis, problems: check.evictionProblems }, check.evictionProblems.join('\n'));
    if (waivable.length > 0 && opts.acceptDataLoss) {
      const msg = restarted
        ? '[redis] Redis restarted without persistence (ACCEPT_REDIS_DATA_LOSS=true): stage history, the audit log and pending deadlines written before are gone'
        : '[redis] reconnected to a Redis that may keep nothing on disk (ACCEPT_REDIS_DATA_LOSS=true)';
      opts.log.warn({ redis, restarted, problems: waivable }, msg);
    } else if (waivable.length > 0) {
      const msg = restarted
        ? `[redis] ${redis} restarted and keeps nothing on disk: stage history, the audit log, pending deadlines and queued jobs ` +
          'written before are gone. Turn on AOF (CONFIG SET appendonly yes; CONFIG SET appendfsync everysec, and in redis.conf), ' +
          "then restart the worker processes: at start they rebuild each board's stage history from Trello (docs/operations.md#redis)"
        : waivable.join('\n');
      opts.log.error({ redis, restarted, problems: waivable }, msg);
    } else if (restarted) {
      opts.log.info({ redis, aof: check.aof, rdb: check.rdb }, '[redis] Redis restarted and kept its data on disk');
    }
  }
}

/** The server's run id (INFO server), new on every restart; null where INFO is refused. */
async function runIdOf(redis: Redis): Promise<string | null> {
  try {
    const line = (await redis.info('server')).split(/\r?\n/).find((l) => l.startsWith('run_id:'));
    return line ? line.slice('run_id:'.length).trim() : null;
  } catch {
    return null;
  }
}
