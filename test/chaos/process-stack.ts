import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DEADLINES_QUEUE } from '../../server/deadlines/deadline-job';
import { NOTIFY_QUEUES } from '../../server/notify/notify-queue';
import { eventQueueName } from '../../server/queue/partition';
import { MAINTENANCE_QUEUE } from '../../server/reconcile/reconcile-queue';
import { ensureWebhook } from '../../server/setup/ensure-webhook';
import { createAuditLog, type AuditEntry } from '../../server/store/audit-log';
import { createWatchedBoards } from '../../server/store/watched-boards';
import { createTrelloClient } from '../../server/trello/create-trello-client';
import { deleteKeys } from '../helpers/redis';
import { testLog } from '../helpers/silent-log';
import { startTrelloSimulator } from '../simulator';
import type { DemoBoard, SimulatorOptions, TrelloSimulator } from '../simulator/types';
import { freePort } from '../stack/free-port';
import { STACK_APP_SECRET } from '../stack/start-stack';
import { serviceProcess, type ServiceProcess } from './service-process';
import { webhookCallbackUrl } from '../../server/http/webhook-path';
import { TEST_VAULT_KEYS } from '../helpers/vault-keys';
import { orAfter } from './deadline';

export type ProcessStack = {
  sim: TrelloSimulator;
  board: DemoBoard;
  /** ROLE=web: webhooks and the API. */
  web: ServiceProcess;
  /** ROLE=worker: judging, notifications, deadlines, the sweep. The one a chaos run kills. */
  worker: ServiceProcess;
  redis: Redis;
  prefix: string;
  env: Record<string, string>;
  /** Every delivery answered and no job waiting, running or being retried, twice in a row. */
  settle(timeoutMs?: number): Promise<void>;
  /** What settle still waits for, in one line: queues with work (waiting/active/delayed/prioritized), or 'nothing'. */
  pending(): Promise<string>;
  audit(cardId: string): Promise<AuditEntry[]>;
  /** Stops everything; `deleteKeys` also removes every key under the prefix (tests on the shared Redis). */
  close(opts?: { deleteKeys?: boolean }): Promise<void>;
};

/**
 * The product as separate OS processes on the simulator, for tests that kill the worker: a web
 * process that takes deliveries while the worker is down, and a worker that can be SIGKILLed
 * and started again. Locks are short (JOB_LOCK_MS) so that a killed worker's job is taken over
 * within seconds.
 */
export async function startProcessStack(opts: {
  redisUrl: string;
  prefix: string;
  env?: Record<string, string>;
  simulator?: Partial<SimulatorOptions>;
  /** Gives up (and stops what it started) when the processes are not up by then; default no limit. */
  startWithinMs?: number;
  /** Where the processes' supervisor says what it does (a process that died while starting); default stderr. */
  say?: (line: string) => void;
}): Promise<ProcessStack> {
  const sim = await startTrelloSimulator({ appSecret: STACK_APP_SECRET, deliveryRetryDelaysMs: [300, 600, 1200, 2400, 4800], ...opts.simulator });
  const board = sim.seedDemoBoard();
  const port = await freePort();
  const env: Record<string, string> = {
    PORT: String(port), REDIS_URL: opts.redisUrl, REDIS_PREFIX: opts.prefix, TRELLO_API_URL: sim.url,
    TRELLO_KEY: board.key, TRELLO_TOKEN: board.members.gatekeeper.token, TRELLO_APP_SECRET: STACK_APP_SECRET,
    PUBLIC_URL: `http://127.0.0.1:${port}`, POWERUP_ID: board.powerUpId, EVENT_PARTITIONS: '4',
    JOB_LOCK_MS: '1500', ACCEPT_REDIS_DATA_LOSS: 'true', LOG_LEVEL: 'info', VAULT_KEYS: TEST_VAULT_KEYS,
    ...opts.env,
  };
  const redis = new Redis(opts.redisUrl, { maxRetriesPerRequest: null });
  const web = serviceProcess({ ...env, ROLE: 'web' }, opts.say);
  const worker = serviceProcess({ ...env, ROLE: 'worker' }, opts.say);
  try {
    const steps = (async () => {
      await web.start();
      const trello = createTrelloClient({ baseUrl: sim.url, key: board.key, token: board.members.gatekeeper.token, redis, keyPrefix: opts.prefix, log: testLog() });
      await ensureWebhook({ trello, watched: createWatchedBoards({ redis, prefix: opts.prefix }) }, { boardId: board.boardId, callbackURL: webhookCallbackUrl(env.PUBLIC_URL!) });
      await worker.start();
      return 'up' as const;
    })();
    steps.catch(() => {}); // given up on below: its own failure is no longer news
    const limitMs = opts.startWithinMs ?? Infinity;
    if ((await orAfter(limitMs, steps, 'late' as const)) === 'late') {
      throw new Error(`[chaos] the web and worker processes were not up within ${(limitMs / 1000).toFixed(0)} s (web ${web.state()}, worker ${worker.state()})`);
    }
  } catch (err) {
    // Nothing may outlive a start that failed or was given up on (a caller's deadline): stop() also ends a start under way.
    await Promise.all([worker.stop(), web.stop()]);
    await sim.close();
    redis.disconnect();
    const tail = (name: string, p: ServiceProcess) => `--- ${name} (last 30 lines) ---\n${p.lastLines(30).join('\n')}`;
    (err as Error).message += `\n${tail('web', web)}\n${tail('worker', worker)}`;
    throw err;
  }

  const names = [...Array.from({ length: Number(env.EVENT_PARTITIONS) }, (_, n) => eventQueueName(n)), ...NOTIFY_QUEUES];
  const queues = names.map((name) => new Queue(name, { connection: redis, prefix: opts.prefix }));
  // Delayed by design (deadlines, the next scheduled sweep): only waiting or running ones count as work.
  const scheduled = [DEADLINES_QUEUE, MAINTENANCE_QUEUE].map((name) => new Queue(name, { connection: redis, prefix: opts.prefix }));
  const workload = async () => {
    const counts = await Promise.all(queues.map((q) => q.getJobCounts('waiting', 'active', 'delayed', 'prioritized')));
    const due = await Promise.all(scheduled.map((q) => q.getJobCounts('waiting', 'active', 'prioritized')));
    return [...queues, ...scheduled].map((q, n) => ({ queue: q.name, counts: [...counts, ...due][n]! }));
  };
  const busy = async () => (await workload()).some(({ counts }) => Object.values(counts).some((n) => n > 0));
  // Redis restarts are part of the chaos: a refused connection meanwhile is expected, not news.
  for (const q of [...queues, ...scheduled]) q.on('error', () => {});
  const audit = createAuditLog({ redis, prefix: opts.prefix });
  return {
    sim, board, web, worker, redis, prefix: opts.prefix, env,
    async settle(timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      const late = () => new Error(`[chaos] the stack did not settle within ${(timeoutMs / 1000).toFixed(0)} s`);
      // Every step is raced against the deadline: the simulator's deliveries, and Redis (which the
      // connection waits for however long it is away).
      for (let quiet = 0; quiet < 2; ) {
        if ((await orAfter(deadline - Date.now(), sim.idle().then(() => true), false)) === false) throw late();
        const answer = await orAfter(deadline - Date.now(), busy().catch(() => true), 'late' as const);
        if (answer === 'late') throw late();
        if (answer) {
          quiet = 0;
          await new Promise((r) => setTimeout(r, 100));
        } else quiet += 1;
        if (Date.now() > deadline) throw late();
      }
    },
    async pending() {
      const busyQueues = (await workload()).filter(({ counts }) => Object.values(counts).some((n) => n > 0));
      const line = busyQueues.map(({ queue, counts }) => `${queue} ${Object.entries(counts).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(' ')}`);
      return line.join('; ') || 'nothing';
    },
    audit: (cardId) => audit.forCard(cardId),
    async close(closing = {}) {
      // Processes first (stop() kills one that does not stop within 15 s); Redis may be gone, so
      // every Redis step has a limit and the connection is dropped, not quit, when it runs out.
      await Promise.all([worker.stop(), web.stop()]);
      await orAfter(10_000, Promise.all([...queues, ...scheduled].map((q) => q.close())), null);
      await sim.close();
      if (closing.deleteKeys) await deleteKeys(redis, opts.prefix);
      if ((await orAfter(5_000, redis.quit().then(() => true, () => true), false)) === false) redis.disconnect();
    },
  };
}
