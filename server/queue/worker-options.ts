import type { WorkerOptions } from 'bullmq';

/**
 * How many times a job may be found abandoned by a killed worker before BullMQ fails it. BullMQ's
 * default of 1 lost a refused move after two crashes on the same job; this survives several.
 */
export const MAX_STALLS = 5;

/**
 * The options every worker of the service shares: a killed worker's jobs are taken over `lockMs`
 * (JOB_LOCK_MS) later, at most, plus one stalled check.
 */
export function reliableWorkerOptions(lockMs = 30_000): Pick<WorkerOptions, 'maxStalledCount' | 'lockDuration' | 'stalledInterval'> {
  return { maxStalledCount: MAX_STALLS, lockDuration: lockMs, stalledInterval: Math.min(lockMs, 30_000) };
}
