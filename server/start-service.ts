import { once } from 'node:events';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import express from 'express';
import type { Logger } from 'pino';
import type { Env } from './config/env-schema';
import { readRulesSource } from './config/read-rules-file';
import { DEADLINES_QUEUE } from './deadlines/deadline-job';
import { metricsRoute } from './http/metrics-route';
import { createMetrics } from './metrics/create-metrics';
import { channelSettings, type ChannelSettings } from './notify/channel-settings';
import { createDeadLetters } from './notify/dead-letters';
import { NOTIFY_QUEUES } from './notify/notify-queue';
import { deadJobsKey } from './queue/dead-jobs';
import { eventQueueName } from './queue/partition';
import { connectRedis, createWorkerRedis } from './queue/redis-connections';
import type { RedisDurability } from './queue/redis-durability';
import { requireDurableRedis } from './queue/require-durable-redis';
import { watchRedisDurability } from './queue/watch-redis-durability';
import { createLastSweep } from './reconcile/last-sweep';
import { startLiveRules } from './rules-store/live-rules';
import { createRulesVersions, type RulesVersions } from './rules-store/rules-versions';
import { seedRules } from './rules-store/seed-rules';
import { MAINTENANCE_QUEUE } from './reconcile/reconcile-queue';
import { startJudging } from './start-judging';
import { checkVaultKeys, vaultKeysFor } from './vault/vault-at-start';
import type { VaultKeys } from './vault/vault-keys';
import { closeServer, startWeb } from './start-web';
import { createWatchedBoards } from './store/watched-boards';

export type RunningService = { url: string; stop(): Promise<void> };

/** The version in force at start, and what its role needs from the environment for it: channel settings, vault keys. */
async function rulesAtStart(env: Env, versions: RulesVersions, source: ReturnType<typeof readRulesSource>, redis: Redis, log: Logger) {
  const initial = await seedRules({ versions, file: env.RULES_FILE, source, log });
  const settings: ChannelSettings = env.ROLE !== 'web' ? channelSettings(initial.config, env) : {};
  const vaultKeys: VaultKeys | null = env.ROLE !== 'worker' ? vaultKeysFor(initial.config, env.VAULT_KEYS) : null;
  if (vaultKeys) await checkVaultKeys({ keys: vaultKeys, redis, prefix: env.REDIS_PREFIX, log });
  return { initial, settings, vaultKeys };
}

/**
 * The composition root: builds every collaborator from the parsed environment and wires them.
 * ROLE=web serves webhooks and the Power-Up API, ROLE=worker judges only, ROLE=all (default) does both.
 */
export async function startService({ env, log }: { env: Env; log: Logger }): Promise<RunningService> {
  const rulesFile = readRulesSource(env.RULES_FILE);
  // Before any connection: a channel the rules use without its settings stops the start, named.
  if (env.ROLE !== 'web') channelSettings(rulesFile.config, env);
  // Likewise the vault's master keys, which the web role's «Доступы» encrypt with.
  if (env.ROLE !== 'worker') vaultKeysFor(rulesFile.config, env.VAULT_KEYS);
  const stoppers: Array<() => Promise<unknown>> = [];
  const prefix = env.REDIS_PREFIX;
  const redis = await connectRedis(createWorkerRedis(env.REDIS_URL), env.REDIS_URL);
  stoppers.push(() => redis.quit());
  // Redis is the system of record: one that keeps nothing on disk is refused, named, before any work.
  let durability: RedisDurability = await requireDurableRedis({ redis, url: env.REDIS_URL, acceptDataLoss: env.ACCEPT_REDIS_DATA_LOSS, log }).catch(async (err: Error) => {
    await redis.quit();
    throw err;
  });
  // The saved versions are the rules' record (RULES_FILE seeds the first), checked like the file:
  // the active version may differ from it.
  const versions = createRulesVersions({ redis, prefix });
  const { initial, settings, vaultKeys } = await rulesAtStart(env, versions, rulesFile, redis, log).catch(async (err: Error) => {
    await redis.quit();
    throw err;
  });
  const rules = await startLiveRules({ versions, subscriber: createWorkerRedis(env.REDIS_URL), initial, log });
  stoppers.push(() => rules.close());
  const observedQueues = [
    ...Array.from({ length: env.EVENT_PARTITIONS }, (_, n) => eventQueueName(n)), ...NOTIFY_QUEUES, DEADLINES_QUEUE, MAINTENANCE_QUEUE,
  ].map((name) => new Queue(name, { connection: redis, prefix }));
  stoppers.unshift(() => Promise.all(observedQueues.map((q) => q.close())));
  const metrics = createMetrics({ prefix, redis, queues: observedQueues, log });
  metrics.redisPersistent(durability.persistent);
  const stopWatching = await watchRedisDurability({
    redis, url: env.REDIS_URL, acceptDataLoss: env.ACCEPT_REDIS_DATA_LOSS, log,
    report(report) {
      durability = report;
      metrics.redisPersistent(report.persistent);
    },
  });
  stoppers.unshift(async () => stopWatching());

  // Closed after the web server (unshifted below): running jobs finish, nothing new is taken.
  if (env.ROLE !== 'web') stoppers.unshift(...(await startJudging({ env, rules, settings, redis, metrics, log })));

  let url = '';
  if (env.ROLE !== 'worker') {
    const watched = createWatchedBoards({ redis, prefix });
    const lastSweep = createLastSweep({ redis, prefix });
    const deadStreams = {
      events: deadJobsKey(prefix, 'events'), deadlines: deadJobsKey(prefix, 'deadlines'), notifications: createDeadLetters({ redis, prefix }).key,
    };
    const web = await startWeb({
      env, rules, versions, redis, metrics, observedQueues, log, vaultKeys,
      status: {
        role: env.ROLE,
        watchedBoards: () => watched.all(),
        redisDurability: () => durability,
        lastSweep: () => lastSweep.read(),
        deadLetters: async () => Object.fromEntries(
          await Promise.all(Object.entries(deadStreams).map(async ([name, key]) => [name, await redis.xlen(key)] as const)),
        ),
      },
    });
    url = web.url;
    stoppers.unshift(...web.stoppers);
  } else if (env.METRICS_PORT !== undefined) {
    // A worker has no web server of its own; its counters (moves judged, revert latency) are here.
    const server = express().use(metricsRoute(metrics)).get('/healthz', (_req, res) => void res.json({ status: 'ok' })).listen(env.METRICS_PORT, '0.0.0.0');
    await once(server, 'listening');
    stoppers.unshift(() => closeServer(server));
  }

  log.info({ role: env.ROLE, url: url || undefined }, 'service started');
  return {
    url,
    async stop() {
      for (const stop of stoppers) await stop();
    },
  };
}
