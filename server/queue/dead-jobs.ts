import type { Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { streamFields } from './stream-fields';

/** Enough to see what was given up on and repair it by hand; the oldest go first past this many. */
const KEEP_ENTRIES = 10_000;

export type DeadJob = { queue: string; jobId: string; name: string; at: string; attempts: number; error: string; data: string };

export const deadJobsKey = (prefix: string, family: 'events' | 'deadlines' | 'maintenance') => `${prefix}:${family}:dead`;

/**
 * Records every job the worker gives up on — out of attempts, unrecoverable, or stalled too often
 * by crashes — in a Redis stream, and logs it at error with what the job was about (`describe`).
 * BullMQ's failed set forgets after a while and says nothing; this is the lasting, loud record.
 */
export function deadLetterFailedJobs(opts: {
  worker: Worker;
  redis: Redis;
  key: string;
  log: Logger;
  describe(job: Job): Record<string, unknown>;
  onDeadLetter?(queue: string): void;
}): void {
  opts.worker.on('failed', (job, err) => {
    // `finishedOn` is set only when BullMQ will not retry: a retried failure is not dead.
    if (!job?.finishedOn) return;
    const entry: DeadJob = {
      queue: job.queueName, jobId: job.id ?? '', name: job.name, at: new Date().toISOString(),
      attempts: job.attemptsMade, error: err.message, data: JSON.stringify(job.data),
    };
    const fields = Object.entries(entry).flatMap(([k, v]) => [k, String(v)]);
    opts.redis.xadd(opts.key, 'MAXLEN', '~', String(KEEP_ENTRIES), '*', ...fields).then(
      () => opts.onDeadLetter?.(job.queueName),
      (writeErr: Error) => opts.log.error({ err: writeErr, jobId: job.id }, 'could not record a dead job'),
    );
    opts.log.error({ err, queue: job.queueName, jobId: job.id, attempts: job.attemptsMade, ...opts.describe(job) }, 'job given up: recorded as dead');
  });
}

/** Newest first. */
export async function readDeadJobs(redis: Redis, key: string, count = 100): Promise<DeadJob[]> {
  const rows = await redis.xrevrange(key, '+', '-', 'COUNT', count);
  return rows.map(([, flat]) => {
    const f = streamFields(flat);
    return {
      queue: f.queue ?? '', jobId: f.jobId ?? '', name: f.name ?? '', at: f.at ?? '',
      attempts: Number(f.attempts ?? 0), error: f.error ?? '', data: f.data ?? '',
    };
  });
}
