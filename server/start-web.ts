import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ProcessConfig } from '../rules';
import type { Env } from './config/env-schema';
import { deadlineClockFrom } from './deadlines/deadline-clock';
import { DEADLINES_QUEUE } from './deadlines/deadline-job';
import { createDeadlineScheduler } from './deadlines/deadline-scheduler';
import { rulesAdminRoutes } from './rules-admin/rules-admin-routes';
import { perVersion, versionedHandler, type LiveRules } from './rules-store/live-rules';
import type { RulesVersions } from './rules-store/rules-versions';
import { adminRoutes } from './http/admin-routes';
import { createApp } from './http/create-app';
import { metricsRoute } from './http/metrics-route';
import { powerupStatic } from './http/powerup-static';
import { createSignatureAlarm } from './http/signature-alarm';
import { statusRoute, type ServiceStatusSources } from './http/status-route';
import type { Metrics } from './metrics/create-metrics';
import { createLastValidDelivery } from './metrics/last-valid-delivery';
import { createQueuedNotifier } from './notify/notify-queue';
import { createPowerUpApi } from './powerup-api/create-powerup-api';
import { createEventQueues } from './queue/event-queues';
import { connectRedis, createProducerRedis } from './queue/redis-connections';
import { requestSweep } from './reconcile/reconcile-queue';
import { createPendingAdvances } from './stage/pending-changes';
import { createAuditLog } from './store/audit-log';
import { createResponsibles } from './store/responsibles';
import { createStageHistory } from './store/stage-history';
import { createWatchedBoards } from './store/watched-boards';
import { createTrelloClient } from './trello/create-trello-client';
import { webhookCallbackUrl } from './http/webhook-path';
import { accessLinkPage } from './vault/access-link-page';
import { createAccessLinks } from './vault/access-links';
import { createAccessLog } from './vault/access-log';
import { createClientMailer } from './vault/client-mailer';
import type { TrelloAction } from './trello/webhook-body';
import type { VaultKeys } from './vault/vault-keys';
import { createVaultStore } from './vault/vault-store';
import { forgetDeletedCard } from './vault/forget-deleted-card';

/**
 * The web role: Trello's webhooks, the Power-Up and its API, health, status, metrics and the
 * operator's admin surfaces. Returns its URL and its stoppers (the server closes first).
 */
export async function startWeb(opts: {
  env: Env;
  /** The rules in force; each request is answered under the version active as it arrives. */
  rules: LiveRules;
  versions: RulesVersions;
  /** The waiting connection: stores, the dashboard's queues, on-demand sweeps. */
  redis: Redis;
  metrics: Metrics;
  observedQueues: Queue[];
  status: Omit<ServiceStatusSources, 'signatureFailures' | 'lastValidDeliveries'>;
  /** The vault's master keys; null when the rules keep no station credentials. */
  vaultKeys: VaultKeys | null;
  log: Logger;
}): Promise<{ url: string; stoppers: Array<() => Promise<unknown>> }> {
  const { env, rules, metrics, log } = opts;
  // What is built once from the version in force at start (the client mailer's sender address).
  const startConfig = rules.current().config;
  const prefix = env.REDIS_PREFIX;
  const callbackUrl = webhookCallbackUrl(env.PUBLIC_URL);
  // Fail-fast connection for what a request waits on: a Redis outage is a 503 (Trello retries), not a hang.
  const producer = await connectRedis(createProducerRedis(env.REDIS_URL), env.REDIS_URL);
  const queues = await createEventQueues({ connection: producer, prefix, partitions: env.EVENT_PARTITIONS, log });
  const vault = opts.vaultKeys && vaultParts(env, startConfig, producer, opts.vaultKeys);
  const api = powerUpApi(env, opts, producer, vault);
  const signatures = createSignatureAlarm({ log, callbackUrl });
  const lastValid = createLastValidDelivery({ redis: opts.redis, prefix });
  const app = createApp({
    log,
    callbackUrl,
    appSecret: env.TRELLO_APP_SECRET,
    bodyLimit: env.WEBHOOK_BODY_LIMIT,
    enqueue: (event) => queues.enqueue(event),
    ...(vault ? { cardDeleted: (action: TrelloAction, boardId: string) => forgetDeletedCard({ ...vault, audit: api.audit, log }, action, boardId) } : {}),
    observe(_action, boardId) {
      api.boardChanged(boardId);
      // Never in the way of the delivery: a failed write costs only the freshness of one figure.
      lastValid.record(boardId).catch((err: Error) => log.warn({ err, boardId }, 'could not record the last valid delivery'));
    },
    onBadSignature() {
      signatures.failed();
      metrics.signatureFailure();
    },
    readiness: async () => ({
      redis: await producer.ping().then(() => ({ ok: true }), (err: Error) => ({ ok: false, detail: err.message })),
      rules: { ok: true, detail: `version ${rules.current().version}: ${rules.current().config.stages.length} stages` },
    }),
    routers: [
      api.router,
      powerupStatic({ frameAncestors: env.POWERUP_FRAME_ANCESTORS }),
      ...(vault ? [versionedHandler(rules, ({ config }) => accessLinkPage({ ...vault, config, trello: api.trello, log, now: Date.now }))] : []),
      metricsRoute(metrics),
      statusRoute({ ...opts.status, signatureFailures: () => signatures.total(), lastValidDeliveries: () => lastValid.all() }),
      adminRoutes({
        adminToken: env.ADMIN_TOKEN, queues: opts.observedQueues, log,
        extra: (router) => router.post('/admin/reconcile', async (_req, res) => {
          res.json(await requestSweep({ connection: opts.redis, prefix, timeoutMs: 120_000 }));
        }),
      }),
    ],
  });
  const server = app.listen(env.PORT, '0.0.0.0');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  log.info({ url, callback: callbackUrl }, 'listening for Trello webhooks');
  return { url, stoppers: [() => closeServer(server), () => queues.close(), () => api.close(), () => producer.quit()] };
}

/**
 * The Power-Up's API: «Следующий этап» moves cards itself, so the web role gets its own Trello
 * client (same token, same shared rate-limit budget) and notifier.
 */
function powerUpApi(
  env: Env,
  { rules, versions, vaultKeys, metrics, log }: Pick<Parameters<typeof startWeb>[0], 'rules' | 'versions' | 'vaultKeys' | 'metrics' | 'log'>,
  producer: Redis,
  vault: VaultParts | null,
) {
  const prefix = env.REDIS_PREFIX;
  const startConfig = rules.current().config;
  const notifier = createQueuedNotifier({ connection: producer, prefix, config: startConfig });
  const history = createStageHistory({ redis: producer, prefix });
  // A card moved by the button starts its stage's clock exactly as a dragged one does.
  const deadlineQueue = new Queue(DEADLINES_QUEUE, { connection: producer, prefix });
  deadlineQueue.on('error', (err) => log.warn({ err, queue: DEADLINES_QUEUE }, 'deadline queue connection error'));
  const deadlinesFor = perVersion(({ config }) => createDeadlineScheduler({
    queue: deadlineQueue, config, history, clock: deadlineClockFrom(env.DEADLINE_WORKING_HOUR_MS), log,
  }));
  const trello = createTrelloClient({
    baseUrl: env.TRELLO_API_URL, key: env.TRELLO_KEY, token: env.TRELLO_TOKEN, redis: producer, keyPrefix: prefix, log,
    observe: (call) => metrics.trelloResponse(call.method, call.path, call.status),
  });
  const audit = createAuditLog({ redis: producer, prefix });
  const watchedBoards = createWatchedBoards({ redis: producer, prefix });
  const api = createPowerUpApi({
    rules, log, notifierFor: ({ config }) => notifier.withRules(config), deadlinesFor,
    powerUpId: env.POWERUP_ID,
    trelloApiUrl: env.TRELLO_API_URL,
    allowedOrigins: ['https://trello.com', new URL(env.PUBLIC_URL).origin],
    trello,
    history,
    audit,
    responsibles: createResponsibles({ redis: producer, prefix }),
    advances: createPendingAdvances({ redis: producer, prefix }),
    watchedBoards,
    dryRun: env.DRY_RUN,
    onAdvanced: () => metrics.moveJudged('accepted', 'powerup'),
    vault,
    extraRoutes: ({ lookups }) => rulesAdminRoutes({
      rules, versions, lookups, trello, history, audit, log,
      watched: watchedBoards,
      running: { startConfig, vaultKeys: vaultKeys !== null },
      powerUpId: env.POWERUP_ID,
      setupTarget: { callbackURL: webhookCallbackUrl(env.PUBLIC_URL), powerUpId: env.POWERUP_ID },
    }),
  });
  return { ...api, trello, audit, close: () => Promise.all([notifier.close(), deadlineQueue.close()]) };
}

type VaultParts = ReturnType<typeof vaultParts>;

/** «Доступы»: the credentials, their access log and the client's one-time links, on the fail-fast connection. */
function vaultParts(env: Env, config: ProcessConfig, producer: Redis, keys: VaultKeys) {
  const { emailFrom } = config.notifications;
  return {
    store: createVaultStore({ redis: producer, prefix: env.REDIS_PREFIX, keys }),
    accessLog: createAccessLog({ redis: producer, prefix: env.REDIS_PREFIX }),
    links: createAccessLinks({ redis: producer, prefix: env.REDIS_PREFIX }),
    publicUrl: env.PUBLIC_URL,
    sendMail: env.SMTP_URL && emailFrom ? createClientMailer({ smtpUrl: env.SMTP_URL, from: emailFrom }) : undefined,
  };
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
