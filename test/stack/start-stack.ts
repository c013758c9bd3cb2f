import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { Env } from '../../server/config/env-schema';
import { ensureWebhook } from '../../server/setup/ensure-webhook';
import { createWatchedBoards } from '../../server/store/watched-boards';
import { startService, type RunningService } from '../../server/start-service';
import { createTrelloClient } from '../../server/trello/create-trello-client';
import { eventQueueName } from '../../server/queue/partition';
import { NOTIFY_QUEUES } from '../../server/notify/notify-queue';
import { startTrelloSimulator } from '../simulator';
import type { DemoBoard, SimulatorOptions, TrelloSimulator } from '../simulator/types';
import { TEST_VAULT_KEYS } from '../helpers/vault-keys';
import { freePort } from './free-port';

export const STACK_APP_SECRET = 'stack-app-secret-0123456789abcdef';

export type Stack = {
  sim: TrelloSimulator;
  board: DemoBoard;
  service: RunningService;
  env: Env;
  /** Waits until every delivery is answered and every queued job is done, including their echoes. */
  settle(): Promise<void>;
  /** Starts one more service process (ROLE=worker) on the same Redis: several workers, one board. */
  addWorker(): Promise<RunningService>;
  stop(): Promise<void>;
};

/** The whole product on the Trello simulator: what the e2e tests, the demo and the bench run. */
export async function startStack(opts: {
  redisUrl: string;
  prefix: string;
  log: Logger;
  redis: Redis;
  env?: Partial<Record<keyof Env, string>>;
  simulator?: Partial<SimulatorOptions>;
}): Promise<Stack> {
  const sim = await startTrelloSimulator({ appSecret: STACK_APP_SECRET, deliveryRetryDelaysMs: [300, 600, 1200], ...opts.simulator });
  const board = sim.seedDemoBoard();
  const port = await freePort();
  const env = Env.parse({
    PORT: String(port),
    REDIS_URL: opts.redisUrl,
    REDIS_PREFIX: opts.prefix,
    TRELLO_API_URL: sim.url,
    TRELLO_KEY: board.key,
    TRELLO_TOKEN: board.members.gatekeeper.token,
    TRELLO_APP_SECRET: STACK_APP_SECRET,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    POWERUP_ID: board.powerUpId,
    EVENT_PARTITIONS: '4',
    ACCEPT_REDIS_DATA_LOSS: 'true',
    VAULT_KEYS: TEST_VAULT_KEYS,
    ...opts.env,
  });
  const services: RunningService[] = [await startService({ env, log: opts.log })];
  const trello = createTrelloClient({
    baseUrl: sim.url, key: board.key, token: board.members.gatekeeper.token, redis: opts.redis, keyPrefix: opts.prefix, log: opts.log,
  });
  await ensureWebhook({ trello, watched: createWatchedBoards({ redis: opts.redis, prefix: opts.prefix }) }, { boardId: board.boardId, callbackURL: `${env.PUBLIC_URL}/webhooks/trello` });

  const queues = [...Array.from({ length: env.EVENT_PARTITIONS }, (_, n) => eventQueueName(n)), ...NOTIFY_QUEUES].map(
    (name) => new Queue(name, { connection: opts.redis, prefix: opts.prefix }),
  );
  const busy = async () => {
    const counts = await Promise.all(queues.map((q) => q.getJobCounts('waiting', 'active', 'delayed', 'prioritized')));
    return counts.some((c) => Object.values(c).some((n) => n > 0));
  };
  return {
    sim, board, env,
    service: services[0]!,
    async settle() {
      // Two quiet rounds in a row: a finished job may have caused a delivery that queues another job.
      for (let quiet = 0; quiet < 2; ) {
        await sim.idle();
        if (await busy()) {
          quiet = 0;
          await new Promise((r) => setTimeout(r, 20));
        } else quiet += 1;
      }
    },
    async addWorker() {
      const worker = await startService({ env: { ...env, ROLE: 'worker' }, log: opts.log });
      services.push(worker);
      return worker;
    },
    async stop() {
      for (const s of services) await s.stop();
      await Promise.all(queues.map((q) => q.close()));
      await sim.close();
    },
  };
}
