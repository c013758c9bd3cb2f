import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import type { Logger } from 'pino';
import type { CardEvent } from './card-event';
import { eventQueueName, partitionOf } from './partition';

export type EventQueues = {
  /** Resolves once Redis holds the job; a redelivered action (same id) is not added twice. */
  enqueue(event: CardEvent): Promise<void>;
  queues: Queue[];
  close(): Promise<void>;
};

export const EVENT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000 },
  // Completed jobs stay a day so that BullMQ's job-id check also drops late redeliveries.
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 14 * 24 * 3600 },
};

/**
 * One queue per partition, each with a global concurrency of 1: the events of one card are judged
 * one at a time and in arrival order by however many worker processes run.
 */
export async function createEventQueues(opts: {
  connection: ConnectionOptions;
  prefix: string;
  partitions: number;
  log: Logger;
}): Promise<EventQueues> {
  const queues = Array.from({ length: opts.partitions }, (_, n) => {
    const queue = new Queue(eventQueueName(n), { connection: opts.connection, prefix: opts.prefix });
    // Without a listener BullMQ prints connection errors to stderr; the route reports them as 503s.
    queue.on('error', (err) => opts.log.warn({ err, queue: queue.name }, 'event queue connection error'));
    return queue;
  });
  await Promise.all(queues.map((q) => q.setGlobalConcurrency(1)));
  return {
    queues,
    async enqueue(event) {
      const queue = queues[partitionOf(event.cardId, opts.partitions)]!;
      await queue.add('card-event', event, { ...EVENT_JOB_OPTIONS, jobId: event.actionId });
    },
    async close() {
      await Promise.all(queues.map((q) => q.close()));
    },
  };
}
