import { Worker, type ConnectionOptions } from 'bullmq';
import type { Logger } from 'pino';
import { CardEvent } from '../queue/card-event';
import { toJobError } from '../queue/job-errors';
import { eventQueueName } from '../queue/partition';
import { judgeCardEvent, type JudgeDeps } from './judge-card-event';

export type EventWorkers = { workers: Worker[]; close(): Promise<void> };

/** One worker per partition queue; the queue's global concurrency of 1 keeps each card in order. */
export function createEventWorkers(opts: {
  connection: ConnectionOptions;
  prefix: string;
  partitions: number;
  deps: Omit<JudgeDeps, 'log'>;
  log: Logger;
}): EventWorkers {
  const workers = Array.from({ length: opts.partitions }, (_, n) => {
    const worker = new Worker(
      eventQueueName(n),
      async (job) => {
        const event = CardEvent.parse(job.data);
        const log = opts.log.child({ actionId: event.actionId, boardId: event.boardId, cardId: event.cardId });
        try {
          return await judgeCardEvent(event, { ...opts.deps, log });
        } catch (err) {
          log.error({ err, attempt: job.attemptsMade + 1 }, 'judging the card event failed');
          throw toJobError(err);
        }
      },
      { connection: opts.connection, prefix: opts.prefix, concurrency: 1 },
    );
    worker.on('error', (err) => opts.log.error({ err, queue: worker.name }, 'event worker error'));
    return worker;
  });
  return {
    workers,
    async close() {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
