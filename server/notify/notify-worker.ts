import { UnrecoverableError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { createDeadLetters, type DeadLetters } from './dead-letters';
import { createDeliveredMarks, type DeliveredMarks } from './delivered-marks';
import { Delivery, type Channel } from './delivery';
import { PermanentDeliveryError } from './delivery-errors';
import { notifyBackoff } from './delivery-policy';
import { notifyQueueName } from './notify-queue';

type Deps = { marks: DeliveredMarks; dead: DeadLetters; log: Logger };
export type NotifyWorker = { workers: Worker[]; close(): Promise<void> };

/**
 * A consumer per channel, each on its channel's queue: a job is one delivery. A channel that hangs
 * or fails fills only its own slots (`concurrency` each); a failed job waits out its back-off as a
 * delayed job, holding none.
 */
export function createNotifyWorker(opts: {
  connection: ConnectionOptions;
  redis: Redis;
  prefix: string;
  channels: Channel[];
  log: Logger;
  concurrency?: number;
}): NotifyWorker {
  const deps: Deps = { marks: createDeliveredMarks(opts), dead: createDeadLetters(opts), log: opts.log };
  const workers = opts.channels.map((channel) => {
    const worker = new Worker(notifyQueueName(channel.name), (job) => runDelivery(job, channel, deps), {
      connection: opts.connection,
      prefix: opts.prefix,
      concurrency: opts.concurrency ?? 4,
      ...(channel.limit ? { limiter: channel.limit } : {}),
      settings: { backoffStrategy: notifyBackoff },
    });
    worker.on('error', (err) => opts.log.error({ err, channel: channel.name }, 'notify worker error'));
    return worker;
  });
  return {
    workers,
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
      await Promise.all(opts.channels.map((c) => c.close?.()));
    },
  };
}

async function runDelivery(job: Job, channel: Channel, deps: Deps): Promise<'delivered' | 'already-delivered'> {
  const delivery = Delivery.parse(job.data);
  const id = job.id!;
  // Sent by an earlier run of this job (or of the same delivery queued again): never twice.
  if (await deps.marks.has(id)) return 'already-delivered';
  try {
    await channel.deliver(delivery);
  } catch (err) {
    throw await failed(job, delivery, err as Error, deps);
  }
  await deps.marks.mark(id);
  return 'delivered';
}

/** Logs the failure; on the last attempt, or a permanent failure, writes the dead letter first. */
async function failed(job: Job, delivery: Delivery, err: Error, deps: Deps): Promise<Error> {
  const permanent = err instanceof PermanentDeliveryError;
  const attempts = job.attemptsMade + 1;
  const last = permanent || attempts >= (job.opts.attempts ?? 1);
  const log = deps.log.child({ jobId: job.id, channel: delivery.channel, recipient: delivery.address, attempts });
  if (!last) {
    log.warn({ err }, 'notification failed; will retry');
    return err;
  }
  await deps.dead.record({ id: job.id!, delivery, attempts, error: err.message });
  log.error({ err }, 'notification given up: recorded as a dead letter');
  return permanent ? new UnrecoverableError(err.message) : err;
}
