import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { CardEvent } from './card-event';
import { onRedisReconnect } from './on-redis-reconnect';
import { eventQueueName, partitionOf } from './partition';

export type EventQueues = {
  /** Resolves once Redis holds the job; a redelivered action (same id) is not added twice. */
  enqueue(event: CardEvent): Promise<void>;
  /**
   * Resolves once every partition queue has its concurrency of 1 again after the latest drop of
   * the connection; for code that adds to `queues` itself (enqueue already waits for it).
   */
  ensureOrdered(): Promise<void>;
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

type QueueOptions = { connection: ConnectionOptions; prefix: string; partitions: number; log: Logger };

/**
 * (Re)sets the global concurrency of 1 on every partition queue: the events of one card are judged
 * one at a time by however many worker processes run. The setting lives in Redis (the queue's
 * meta hash), so a Redis restarted without persistence forgets it; any process may call this
 * again, and it is idempotent.
 */
export async function assertOrderedQueues(queues: Queue[]): Promise<void> {
  await Promise.all(queues.map((queue) => queue.setGlobalConcurrency(1)));
}

/**
 * One queue per partition, ordered at once. When `connection` is an ioredis instance (as in
 * start-service, in web and worker processes alike), the order is also set again after every
 * reconnect, and an event enqueued after the connection dropped waits until it is: no job lands
 * in a queue that a Redis restarted without persistence has made forget it.
 */
export async function createEventQueues(opts: QueueOptions): Promise<EventQueues> {
  const queues = openPartitionQueues(opts);
  const keeper = keepOrdered(queues, opts);
  const close = async () => {
    keeper.stop();
    await Promise.all(queues.map((q) => q.close()));
  };
  await keeper.ensure().catch(async (err: unknown) => {
    await close();
    throw err;
  });
  return {
    queues,
    ensureOrdered: keeper.ensure,
    async enqueue(event) {
      await keeper.ensure();
      const queue = queues[partitionOf(event.cardId, opts.partitions)]!;
      await queue.add('card-event', event, { ...EVENT_JOB_OPTIONS, jobId: event.actionId });
    },
    close,
  };
}

function openPartitionQueues(opts: QueueOptions): Queue[] {
  return Array.from({ length: opts.partitions }, (_, n) => {
    const queue = new Queue(eventQueueName(n), { connection: opts.connection, prefix: opts.prefix });
    // Without a listener BullMQ prints connection errors to stderr; the route reports them as 503s.
    queue.on('error', (err) => opts.log.warn({ err, queue: queue.name }, 'event queue connection error'));
    return queue;
  });
}

/**
 * Tracks whether the order may have been lost: every drop of the shared connection counts, and
 * `ensure` sets the order again until it has been set after the latest drop. One run at a time.
 */
function keepOrdered(queues: Queue[], opts: { connection: ConnectionOptions; log: Logger }) {
  const redis = opts.connection instanceof Redis ? opts.connection : undefined;
  let drops = 0;
  let orderedAfter = -1;
  let running: Promise<void> | null = null;

  function ensure(): Promise<void> {
    if (orderedAfter === drops) return Promise.resolve();
    running ??= (async () => {
      try {
        while (orderedAfter !== drops) {
          const seen = drops;
          await assertOrderedQueues(queues);
          orderedAfter = seen;
        }
      } finally {
        running = null;
      }
    })();
    return running;
  }

  if (!redis) return { ensure, stop: () => {} };
  const onClose = () => void (drops += 1);
  redis.on('close', onClose);
  const stopHook = onRedisReconnect(redis, ensure, { log: opts.log, task: 'setting the partition queues\' concurrency of 1' });
  return {
    ensure,
    stop() {
      redis.off('close', onClose);
      stopHook();
    },
  };
}
