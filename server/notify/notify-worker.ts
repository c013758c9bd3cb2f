import { UnrecoverableError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { createDeadLetters, type DeadLetters } from './dead-letters';
import { createDeliveredMarks, type DeliveredMarks } from './delivered-marks';
import { Delivery, type Channel } from './delivery';
import { PermanentDeliveryError } from './delivery-errors';
import { notifyBackoff } from './delivery-policy';
import { NOTIFY_QUEUE } from './notify-queue';

type Deps = { channels: Map<string, Channel>; marks: DeliveredMarks; dead: DeadLetters; log: Logger };
export type NotifyWorker = { worker: Worker; close(): Promise<void> };

/**
 * The consumer of the notify queue: each job is one delivery, sent by its channel. Jobs of
 * different channels run side by side (`concurrency`), and a failed one waits out its back-off as
 * a delayed job, holding no slot, so a channel that is down does not hold up the others.
 */
export function createNotifyWorker(opts: {
  connection: ConnectionOptions;
  redis: Redis;
  prefix: string;
  channels: Channel[];
  log: Logger;
  concurrency?: number;
}): NotifyWorker {
  const deps: Deps = {
    channels: new Map(opts.channels.map((c) => [c.name, c])),
    marks: createDeliveredMarks(opts),
    dead: createDeadLetters(opts),
    log: opts.log,
  };
  const worker = new Worker(NOTIFY_QUEUE, (job) => runDelivery(job, deps), {
    connection: opts.connection,
    prefix: opts.prefix,
    concurrency: opts.concurrency ?? 8,
    settings: { backoffStrategy: notifyBackoff },
  });
  worker.on('error', (err) => opts.log.error({ err }, 'notify worker error'));
  return {
    worker,
    async close() {
      await worker.close();
      await Promise.all(opts.channels.map((c) => c.close?.()));
    },
  };
}

async function runDelivery(job: Job, deps: Deps): Promise<'delivered' | 'already-delivered'> {
  const delivery = Delivery.parse(job.data);
  const id = job.id!;
  // Sent by an earlier run of this job (or of the same delivery queued again): never twice.
  if (await deps.marks.has(id)) return 'already-delivered';
  try {
    const channel = deps.channels.get(delivery.channel);
    if (!channel) throw new PermanentDeliveryError(`[notify] no ${delivery.channel} channel runs in this worker`);
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
