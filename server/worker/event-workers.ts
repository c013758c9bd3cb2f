import { Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { CardEvent } from '../queue/card-event';
import { deadJobsKey, deadLetterFailedJobs } from '../queue/dead-jobs';
import { logJobFailure, parseJobData, toJobError } from '../queue/job-errors';
import { eventQueueName } from '../queue/partition';
import { reliableWorkerOptions } from '../queue/worker-options';
import type { Outcome } from '../stage/audit-decision';
import { judgeCardEvent } from './judge-card-event';
import type { JudgeDeps } from './judge-deps';

/** The deps that change with the rules version. */
export type RulesBound = 'config' | 'rulesVersion' | 'notifier' | 'deadlines';

export type EventWorkers = { workers: Worker[]; close(): Promise<void> };

/** What the composition root may watch: each judged event and each job given up on. */
export type EventObserver = {
  judged?(outcome: Outcome, event: CardEvent, job: Job): void;
  deadLettered?(queue: string): void;
};

/** One worker per partition queue; the queue's global concurrency of 1 keeps each card in order. */
export function createEventWorkers(opts: {
  connection: ConnectionOptions;
  redis: Redis;
  prefix: string;
  partitions: number;
  /** JOB_LOCK_MS; BullMQ's 30 s when not given. */
  lockMs?: number;
  deps: Omit<JudgeDeps, 'log' | RulesBound>;
  /**
   * The rules version in force and what is built from it, asked for as each job starts: the job is
   * judged under that one version throughout, and its audit entry names it.
   */
  rules: () => Promise<Pick<JudgeDeps, RulesBound>>;
  log: Logger;
  observe?: EventObserver;
}): EventWorkers {
  const workers = Array.from({ length: opts.partitions }, (_, n) => {
    const worker = new Worker(
      eventQueueName(n),
      async (job) => {
        let log = opts.log.child({ jobId: job.id });
        try {
          const event = parseJobData(CardEvent, job);
          log = opts.log.child({ actionId: event.actionId, boardId: event.boardId, cardId: event.cardId });
          const rules = await opts.rules();
          log = log.child({ rulesVersion: rules.rulesVersion });
          const outcome = await judgeCardEvent(event, { ...opts.deps, ...rules, log });
          opts.observe?.judged?.(outcome, event, job);
          return outcome;
        } catch (err) {
          const jobError = toJobError(err);
          logJobFailure(log, job, jobError, 'judging the card event failed');
          throw jobError;
        }
      },
      { connection: opts.connection, prefix: opts.prefix, concurrency: 1, ...reliableWorkerOptions(opts.lockMs) },
    );
    worker.on('error', (err) => opts.log.error({ err, queue: worker.name }, 'event worker error'));
    deadLetterFailedJobs({
      worker, redis: opts.redis, key: deadJobsKey(opts.prefix, 'events'), log: opts.log,
      // The sweep (server/reconcile) finds the card out of place and judges it again.
      describe: (job) => {
        const event = CardEvent.safeParse(job.data);
        return event.success ? { actionId: event.data.actionId, boardId: event.data.boardId, cardId: event.data.cardId, cardName: event.data.cardName } : {};
      },
      onDeadLetter: opts.observe?.deadLettered,
    });
    return worker;
  });
  return {
    workers,
    async close() {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
