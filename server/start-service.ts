import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ProcessConfig } from '../rules';
import type { Env } from './config/env-schema';
import { readRulesFile } from './config/read-rules-file';
import { deadlineClockFrom } from './deadlines/deadline-clock';
import { DEADLINES_QUEUE } from './deadlines/deadline-job';
import { createDeadlineScheduler } from './deadlines/deadline-scheduler';
import { startDeadlines } from './deadlines/start-deadlines';
import { createApp } from './http/create-app';
import { powerupStatic } from './http/powerup-static';
import { channelSettings } from './notify/channel-settings';
import { createChannels } from './notify/create-channels';
import { createQueuedNotifier } from './notify/notify-queue';
import { createNotifyWorker } from './notify/notify-worker';
import { createPowerUpApi } from './powerup-api/create-powerup-api';
import { createEventQueues } from './queue/event-queues';
import { connectRedis, createProducerRedis, createWorkerRedis } from './queue/redis-connections';
import { createAuditLog } from './store/audit-log';
import { createJudgedActions } from './store/judged-actions';
import { createStageHistory } from './store/stage-history';
import { createTrelloClient } from './trello/create-trello-client';
import { createEventWorkers } from './worker/event-workers';

export type RunningService = { url: string; stop(): Promise<void> };

/**
 * The composition root: builds every collaborator from the parsed environment and wires them.
 * ROLE=web serves webhooks and the Power-Up API, ROLE=worker judges only, ROLE=all (default) does both.
 */
export async function startService({ env, log }: { env: Env; log: Logger }): Promise<RunningService> {
  const config = readRulesFile(env.RULES_FILE);
  // Before any connection: a channel the rules use without its settings stops the start, named.
  const settings = env.ROLE !== 'web' ? channelSettings(config, env) : {};
  const stoppers: Array<() => Promise<unknown>> = [];
  const prefix = env.REDIS_PREFIX;
  const redis = await connectRedis(createWorkerRedis(env.REDIS_URL), env.REDIS_URL);
  stoppers.push(() => redis.quit());

  if (env.ROLE !== 'web') {
    const trello = createTrelloClient({
      baseUrl: env.TRELLO_API_URL, key: env.TRELLO_KEY, token: env.TRELLO_TOKEN, redis, keyPrefix: prefix, log,
    });
    const me = await trello.getMe();
    log.info({ member: me.username, dryRun: env.DRY_RUN }, 'judging moves as this Trello member');
    const notifier = createQueuedNotifier({ connection: redis, prefix, config });
    const notifyWorker = createNotifyWorker({
      connection: redis, redis, prefix, log, channels: createChannels({ settings, language: config.language, trello }),
    });
    const history = createStageHistory({ redis, prefix });
    const deadlines = await startDeadlines({
      redis, prefix, config, trello, notifier, history, log, dryRun: env.DRY_RUN,
      clock: deadlineClockFrom(env.DEADLINE_WORKING_HOUR_MS), callbackUrl: `${env.PUBLIC_URL}/webhooks/trello`,
    });
    const workers = createEventWorkers({
      connection: redis, prefix, partitions: env.EVENT_PARTITIONS, log,
      deps: {
        config, trello, notifier, botMemberId: me.id, powerUpId: env.POWERUP_ID, dryRun: env.DRY_RUN,
        history, deadlines: deadlines.scheduler,
        audit: createAuditLog({ redis, prefix }),
        judged: createJudgedActions({ redis, prefix }),
      },
    });
    // Closed after the web server (unshifted below): running jobs finish, nothing new is taken.
    // Deadlines stop before the notifier they send through.
    stoppers.unshift(() => workers.close(), () => deadlines.close(), () => notifyWorker.close(), () => notifier.close());
  }

  let url = '';
  if (env.ROLE !== 'worker') {
    const producer = await connectRedis(createProducerRedis(env.REDIS_URL), env.REDIS_URL);
    const queues = await createEventQueues({ connection: producer, prefix, partitions: env.EVENT_PARTITIONS, log });
    const api = powerUpApi(env, config, producer, log);
    const app = createApp({
      log,
      callbackUrl: `${env.PUBLIC_URL}/webhooks/trello`,
      appSecret: env.TRELLO_APP_SECRET,
      bodyLimit: env.WEBHOOK_BODY_LIMIT,
      enqueue: (event) => queues.enqueue(event),
      observe: (_action, boardId) => api.boardChanged(boardId),
      readiness: async () => ({
        redis: await producer.ping().then(() => ({ ok: true }), (err: Error) => ({ ok: false, detail: err.message })),
        rules: { ok: true, detail: `${config.stages.length} stages from ${env.RULES_FILE}` },
      }),
      routers: [api.router, powerupStatic({ frameAncestors: env.POWERUP_FRAME_ANCESTORS })],
    });
    const server = app.listen(env.PORT, '0.0.0.0');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    log.info({ url, callback: `${env.PUBLIC_URL}/webhooks/trello` }, 'listening for Trello webhooks');
    stoppers.unshift(() => closeServer(server), () => queues.close(), () => api.close(), () => producer.quit());
  }

  return {
    url,
    async stop() {
      for (const stop of stoppers) await stop();
    },
  };
}

/**
 * The Power-Up's API: «Следующий этап» moves cards itself, so the web role gets its own Trello
 * client (same token, same shared rate-limit budget) and notifier. Fail-fast producer connection:
 * a browser waiting on a Redis outage should get an error, not hang.
 */
function powerUpApi(env: Env, config: ProcessConfig, producer: Redis, log: Logger) {
  const prefix = env.REDIS_PREFIX;
  const notifier = createQueuedNotifier({ connection: producer, prefix, config });
  const history = createStageHistory({ redis: producer, prefix });
  // A card moved by the button starts its stage's clock exactly as a dragged one does.
  const deadlineQueue = new Queue(DEADLINES_QUEUE, { connection: producer, prefix });
  deadlineQueue.on('error', (err) => log.warn({ err, queue: DEADLINES_QUEUE }, 'deadline queue connection error'));
  const deadlines = createDeadlineScheduler({
    queue: deadlineQueue, config, history, clock: deadlineClockFrom(env.DEADLINE_WORKING_HOUR_MS), log,
  });
  const api = createPowerUpApi({
    config, log, notifier, deadlines,
    powerUpId: env.POWERUP_ID,
    trelloApiUrl: env.TRELLO_API_URL,
    allowedOrigins: ['https://trello.com', new URL(env.PUBLIC_URL).origin],
    trello: createTrelloClient({
      baseUrl: env.TRELLO_API_URL, key: env.TRELLO_KEY, token: env.TRELLO_TOKEN, redis: producer, keyPrefix: prefix, log,
    }),
    history,
    audit: createAuditLog({ redis: producer, prefix }),
    dryRun: env.DRY_RUN,
  });
  return { ...api, close: () => Promise.all([notifier.close(), deadlineQueue.close()]) };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
