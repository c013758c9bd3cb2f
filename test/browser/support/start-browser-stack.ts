import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ProcessConfig } from '../../../rules';
import { buildPowerUp } from '../../../powerup/build/build-powerup';
import { realClock } from '../../../server/deadlines/deadline-clock';
import { DEADLINES_QUEUE } from '../../../server/deadlines/deadline-job';
import { createDeadlineScheduler } from '../../../server/deadlines/deadline-scheduler';
import { createApp } from '../../../server/http/create-app';
import { powerupStatic } from '../../../server/http/powerup-static';
import type { Notice } from '../../../server/notify/notice';
import { createPowerUpApi } from '../../../server/powerup-api/create-powerup-api';
import { rulesAdminRoutes } from '../../../server/rules-admin/rules-admin-routes';
import { perVersion, startLiveRules, type ActiveRules, type LiveRules } from '../../../server/rules-store/live-rules';
import { createRulesVersions, type RulesVersions } from '../../../server/rules-store/rules-versions';
import { seedRules } from '../../../server/rules-store/seed-rules';
import { createPendingAdvances } from '../../../server/stage/pending-changes';
import { createAuditLog } from '../../../server/store/audit-log';
import { createResponsibles } from '../../../server/store/responsibles';
import { createWatchedBoards } from '../../../server/store/watched-boards';
import { createStageHistory, type StageHistory } from '../../../server/store/stage-history';
import { createTrelloClient } from '../../../server/trello/create-trello-client';
import { accessLinkPage } from '../../../server/vault/access-link-page';
import { createAccessLinks } from '../../../server/vault/access-links';
import { createAccessLog } from '../../../server/vault/access-log';
import { parseVaultKeys } from '../../../server/vault/vault-keys';
import { createVaultStore } from '../../../server/vault/vault-store';
import { deleteKeys, testRedis, uniquePrefix } from '../../helpers/redis';
import { testLog } from '../../helpers/silent-log';
import { TEST_VAULT_KEYS } from '../../helpers/vault-keys';
import { DEFAULT_RULES_FILE } from '../../rules/default-rules';
import { startTrelloSimulator } from '../../simulator';
import type { DemoBoard, TrelloSimulator } from '../../simulator/types';
import { buildHostBundles, type HostBundles } from './host-bundles';
import { startHostServer } from './host-server';

export type BrowserStack = {
  sim: TrelloSimulator;
  board: DemoBoard;
  /** The service's origin: /powerup (the built Power-Up) and /api (the Power-Up API). */
  serviceUrl: string;
  /** The test host's origin, allowed to frame the Power-Up like https://trello.com. */
  hostOrigin: string;
  bundles: HostBundles;
  history: StageHistory;
  /** The stores' Redis and key prefix, and the rules the API runs: what a history seeder writes with. */
  redis: Redis;
  prefix: string;
  config: ProcessConfig;
  /** The rules' versions (version 1 is the default rules file) and the version in force. */
  versions: RulesVersions;
  rules: LiveRules;
  /** What the API asked the notifier to send. */
  notices: Notice[];
  stop(): Promise<void>;
};

/**
 * The Trello simulator, the service's HTTP side as the composition root wires it (the real
 * Power-Up API with its Trello client and Redis stores, and the built Power-Up behind
 * powerupStatic), and the test host on another origin. The worker is not needed: the API moves
 * cards itself and no webhook is registered.
 */
export async function startBrowserStack(name: string): Promise<BrowserStack> {
  const [bundles, sim] = await Promise.all([buildHostBundles(), startTrelloSimulator({ appSecret: 'browser-app-secret' })]);
  const board = sim.seedDemoBoard();
  const dist = mkdtempSync(join(tmpdir(), 'gk-powerup-'));
  await buildPowerUp(dist);
  const host = await startHostServer(bundles);
  const redis: Redis = testRedis();
  const prefix = uniquePrefix(name);
  const log = testLog();
  const history = createStageHistory({ redis, prefix });
  const versions = createRulesVersions({ redis, prefix });
  const rules = await startLiveRules({ versions, subscriber: testRedis(), initial: await seedRules({ versions, file: DEFAULT_RULES_FILE, log }), log });
  const { config } = rules.current();
  // Notices are recorded, not queued: delivering them is the notify tests' business; these tests
  // only check that «Следующий этап» tells the next owner.
  const notices: Notice[] = [];
  const notifier = { send: async (notice: Notice) => void notices.push(notice) };
  // Real scheduling, as in the service: a button move starts its stage's clock (jobs stay pending).
  const deadlineQueue = new Queue(DEADLINES_QUEUE, { connection: redis, prefix });
  const deadlinesFor = perVersion((active: ActiveRules) => createDeadlineScheduler({ queue: deadlineQueue, config: active.config, history, clock: realClock(), log }));
  // What ensureWebhook records in a real deployment: the API answers only boards it watches.
  const watchedBoards = createWatchedBoards({ redis, prefix });
  await watchedBoards.add(board.boardId);
  // Listening before the app exists: the vault's client links need the service's own address.
  const server: Server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const trello = createTrelloClient({ baseUrl: sim.url, key: board.key, token: board.members.gatekeeper.token, redis, keyPrefix: prefix, log });
  // «Доступы», as start-web wires them, under the tests' published master key. No sendMail: the
  // stack sends no e-mail, so «По почте» answers 409 email_unavailable, as a service without SMTP_URL.
  const vault = {
    store: createVaultStore({ redis, prefix, keys: parseVaultKeys(TEST_VAULT_KEYS) }),
    accessLog: createAccessLog({ redis, prefix }),
    links: createAccessLinks({ redis, prefix }),
    publicUrl: serviceUrl,
  };
  const audit = createAuditLog({ redis, prefix });
  const api = createPowerUpApi({
    watchedBoards,
    advances: createPendingAdvances({ redis, prefix }),
    rules,
    log,
    notifierFor: () => notifier,
    deadlinesFor,
    powerUpId: board.powerUpId,
    trelloApiUrl: sim.url,
    allowedOrigins: ['https://trello.com'],
    trello,
    history,
    audit,
    responsibles: createResponsibles({ redis, prefix }),
    vault,
    dryRun: false,
    // The admin's rules editor, as start-web wires it.
    extraRoutes: ({ lookups }) => rulesAdminRoutes({
      rules, versions, lookups, trello, history, audit, log, watched: watchedBoards,
      running: { startConfig: config, vaultKeys: true },
      setupTarget: { callbackURL: `${serviceUrl}/webhooks/trello`, powerUpId: board.powerUpId },
      powerUpId: board.powerUpId,
    }),
  });
  const app = createApp({
    log,
    callbackUrl: 'http://127.0.0.1/webhooks/trello',
    appSecret: 'browser-app-secret',
    bodyLimit: '256kb',
    enqueue: async () => undefined,
    readiness: async () => ({}),
    routers: [
      api.router,
      powerupStatic({ distDir: dist, frameAncestors: ['https://trello.com', host.origin] }),
      // The client's one-time page a shared link opens: PUBLIC_URL/access/<token>.
      accessLinkPage({ ...vault, config, trello, log, now: Date.now }),
    ],
  });
  server.on('request', app);
  return {
    sim,
    board,
    serviceUrl,
    hostOrigin: host.origin,
    bundles,
    history,
    redis,
    prefix,
    config,
    versions,
    rules,
    notices,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await Promise.all([host.close(), sim.close(), deadlineQueue.close(), rules.close()]);
      await deleteKeys(redis, prefix);
      await redis.quit();
      rmSync(dist, { recursive: true, force: true });
    },
  };
}
