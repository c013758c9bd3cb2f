import { Queue, QueueEvents, Worker, type ConnectionOptions } from 'bullmq';
import type { Logger } from 'pino';
import { reliableWorkerOptions } from '../queue/worker-options';
import type { Reconciler } from './create-reconciler';
import type { SweepReport } from './sweep-report';

/** Jobs that keep the service honest rather than judge a move: the reconciliation sweep. */
export const MAINTENANCE_QUEUE = 'maintenance';
const SWEEP_JOB = 'reconcile';
const JOB_OPTIONS = { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } };

export type Reconciliation = { queue: Queue; close(): Promise<void> };

/**
 * Sweeps at start and every `intervalMs`, in whichever worker process takes the job: a job
 * scheduler in Redis, so several workers make one schedule, and one sweep runs at a time.
 * A sweep that fails is logged; the next one tries again.
 */
export async function startReconciliation(opts: {
  connection: ConnectionOptions;
  prefix: string;
  intervalMs: number;
  lockMs?: number;
  reconciler: Reconciler;
  log: Logger;
}): Promise<Reconciliation> {
  const queue = new Queue(MAINTENANCE_QUEUE, { connection: opts.connection, prefix: opts.prefix });
  queue.on('error', (err) => opts.log.warn({ err, queue: MAINTENANCE_QUEUE }, 'maintenance queue connection error'));
  const worker = new Worker(MAINTENANCE_QUEUE, () => opts.reconciler.sweep(), {
    connection: opts.connection, prefix: opts.prefix, concurrency: 1, ...reliableWorkerOptions(opts.lockMs),
  });
  worker.on('error', (err) => opts.log.error({ err, queue: MAINTENANCE_QUEUE }, 'maintenance worker error'));
  worker.on('failed', (job, err) => opts.log.error({ err, jobId: job?.id }, 'reconciliation sweep failed; the next one tries again'));
  await queue.upsertJobScheduler('reconcile-every', { every: opts.intervalMs }, { name: SWEEP_JOB, opts: JOB_OPTIONS });
  await queue.add(SWEEP_JOB, { reason: 'start' }, JOB_OPTIONS);
  return {
    queue,
    async close() {
      await worker.close();
      await queue.close();
    },
  };
}

/**
 * A sweep on demand (`npm run reconcile`, `POST /admin/reconcile`): queued like the scheduled
 * ones, so it runs in a worker with everything a repair needs, and its report awaited.
 */
export async function requestSweep(opts: { connection: ConnectionOptions; prefix: string; timeoutMs: number }): Promise<SweepReport> {
  const queue = new Queue(MAINTENANCE_QUEUE, { connection: opts.connection, prefix: opts.prefix });
  const events = new QueueEvents(MAINTENANCE_QUEUE, { connection: opts.connection, prefix: opts.prefix });
  try {
    await events.waitUntilReady();
    const job = await queue.add(SWEEP_JOB, { reason: 'on demand' }, JOB_OPTIONS);
    return (await job.waitUntilFinished(events, opts.timeoutMs)) as SweepReport;
  } catch (err) {
    if (/timed out/i.test((err as Error).message)) {
      throw new Error(`[reconcile] no worker finished the sweep within ${opts.timeoutMs / 1000} s: is the service running with ROLE=all or ROLE=worker on this Redis and prefix?`);
    }
    throw err;
  } finally {
    await events.close();
    await queue.close();
  }
}
