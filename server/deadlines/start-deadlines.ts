import { Queue, type Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { StageHistory } from '../store/stage-history';
import type { TrelloClient } from '../trello/create-trello-client';
import type { DeadlineClock } from './deadline-clock';
import { DEADLINES_QUEUE } from './deadline-job';
import { createDeadlineScheduler, type DeadlineScheduler } from './deadline-scheduler';
import { createDeadlineWorker, type DeadlineRulesBound, type DeadlineWorkerDeps } from './deadline-worker';
import { perVersion, type ActiveRules } from '../rules-store/live-rules';
import type { QueuedNotifier } from '../notify/notify-queue';
import { queueHistoryRebuilds } from './history-rebuilds';

export type Deadlines = {
  /** The scheduler of a rules version (stage limits are the version's). */
  scheduler(rules: ActiveRules): DeadlineScheduler;
  /** What a job runs under for a version, built once per version: its config, notifier routing and scheduler. */
  bound(rules: ActiveRules): DeadlineRulesBound & { notifier: ReturnType<QueuedNotifier['withRules']>; deadlines: DeadlineScheduler };
  queue: Queue;
  worker: Worker;
  close(): Promise<void>;
};

/**
 * Stage deadlines for a worker process: the queue, the scheduler the event workers call on each
 * accepted entry, the worker that fires them, and the start-up rebuild of boards never rebuilt.
 */
export async function startDeadlines(opts: Omit<DeadlineWorkerDeps, keyof DeadlineRulesBound | 'redis' | 'history' | 'trello'> & {
  /** The version a job starts under (LiveRules.fresh). */
  rules: () => Promise<ActiveRules>;
  notifier: Pick<QueuedNotifier, 'withRules'>;
  redis: Redis;
  history: StageHistory;
  trello: DeadlineWorkerDeps['trello'] & Pick<TrelloClient, 'listWebhooks'>;
  clock: DeadlineClock;
  callbackUrl: string;
  lockMs?: number;
  log: Logger;
}): Promise<Deadlines> {
  const { redis, prefix, log } = opts;
  const queue = new Queue(DEADLINES_QUEUE, { connection: redis, prefix });
  queue.on('error', (err) => log.warn({ err, queue: DEADLINES_QUEUE }, 'deadline queue connection error'));
  const scheduler = perVersion((rules) => createDeadlineScheduler({ queue, config: rules.config, history: opts.history, clock: opts.clock, log }));
  const bound = perVersion((rules) => ({ config: rules.config, rulesVersion: rules.version, notifier: opts.notifier.withRules(rules.config), deadlines: scheduler(rules) }));
  const worker = createDeadlineWorker({
    connection: redis, prefix, log, lockMs: opts.lockMs, deps: opts,
    rules: async () => bound(await opts.rules()),
  });
  try {
    const boards = await queueHistoryRebuilds({ trello: opts.trello, queue, redis, prefix, callbackUrl: opts.callbackUrl });
    if (boards.length) log.info({ boards }, 'stage history rebuild queued');
  } catch (err) {
    // Not worth refusing to start over: live events still record every new entry.
    log.warn({ err }, 'could not queue the stage history rebuild; the next start tries again');
  }
  return {
    scheduler,
    bound,
    queue,
    worker,
    async close() {
      await worker.close();
      await queue.close();
    },
  };
}
