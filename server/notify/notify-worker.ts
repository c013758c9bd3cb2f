import { UnrecoverableError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { createDeadLetters, type DeadLetters } from './dead-letters';
import { createDeliveredMarks, type DeliveredMarks } from './delivered-marks';
import { Delivery, type Channel } from './delivery';
import { PermanentDeliveryError } from './delivery-errors';
import { notifyBackoff } from './delivery-policy';
import { notifyQueueName } from './notify-queue';
import { reliableWorkerOptions } from '../queue/worker-options';

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
  /** JOB_LOCK_MS; BullMQ's 30 s when not given. */
  lockMs?: number;
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
      ...reliableWorkerOptions(opts.lockMs),
    });
    worker.on('error', (err) => opts.log.error({ err, channel: channel.name }, 'notify worker error'));
    worker.on('failed', (job, err) => void deadIfStalledOut(job, err, deps));
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
    await channel.deliver(delivery, { rerun: job.attemptsStarted > 1 || job.stalledCounter > 0 });
  } catch (err) {
    throw await failed(job, delivery, err as Error, deps);
  }
  await deps.marks.mark(id);
  return 'delivered';
}

/**
 * A job abandoned by crashed workers too often is failed by BullMQ without running it again, so
 * `failed` below never saw it: record its dead letter here.
 */
async function deadIfStalledOut(job: Job | undefined, err: Error, deps: Deps): Promise<void> {
  if (!job?.finishedOn || !STALLED_OUT.test(err.message)) return;
  const delivery = Delivery.safeParse(job.data);
  if (!delivery.success) return;
  await deps.dead.record({ id: job.id!, delivery: delivery.data, attempts: job.attemptsMade, error: err.message });
  deps.log.error({ err, jobId: job.id, channel: delivery.data.channel }, 'notification given up after repeated crashes: recorded as a dead letter');
}

const STALLED_OUT = /stalled more than allowable limit/;

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
