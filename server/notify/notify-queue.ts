import { Queue, Worker, UnrecoverableError, type ConnectionOptions } from 'bullmq';
import type { Logger } from 'pino';
import { z } from 'zod';
import { Notice, type Channel, type Notifier } from './notice';

const NOTIFY_QUEUE = 'notify';
const NotifyJob = z.object({ channel: z.string(), notice: Notice });

/** Queues one job per (notice, channel); the job id makes a retried worker job send it once. */
export function createQueuedNotifier(opts: {
  connection: ConnectionOptions;
  prefix: string;
  channels: string[];
}): Notifier & { queue: Queue; close(): Promise<void> } {
  const queue = new Queue(NOTIFY_QUEUE, { connection: opts.connection, prefix: opts.prefix });
  return {
    queue,
    async send(notice) {
      await queue.addBulk(
        opts.channels.map((channel) => ({
          name: notice.kind,
          data: { channel, notice },
          opts: {
            jobId: `${notice.actionId}-${notice.kind}-${channel}`,
            attempts: 10,
            backoff: { type: 'exponential', delay: 2_000 },
            removeOnComplete: { age: 24 * 3600, count: 10_000 },
            removeOnFail: { age: 14 * 24 * 3600 },
          },
        })),
      );
    },
    close: () => queue.close(),
  };
}

export function createNotifyWorker(opts: {
  connection: ConnectionOptions;
  prefix: string;
  channels: Channel[];
  log: Logger;
  concurrency?: number;
}): Worker {
  const byName = new Map(opts.channels.map((c) => [c.name, c]));
  const worker = new Worker(
    NOTIFY_QUEUE,
    async (job) => {
      const { channel, notice } = NotifyJob.parse(job.data);
      const target = byName.get(channel);
      if (!target) throw new UnrecoverableError(`[notify] no channel named "${channel}" is configured`);
      await target.deliver(notice);
    },
    { connection: opts.connection, prefix: opts.prefix, concurrency: opts.concurrency ?? 4 },
  );
  worker.on('failed', (job, err) =>
    opts.log.error({ err, jobId: job?.id, attempts: job?.attemptsMade }, 'notification failed'),
  );
  return worker;
}
