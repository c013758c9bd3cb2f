import type { MinimalJob } from 'bullmq';
import { RetryableDeliveryError } from './delivery-errors';

/**
 * How hard a delivery is tried. The default gives a receiver about ten minutes to come back
 * (5 s, 10 s, 20 s … 160 s between 8 attempts) before the delivery becomes a dead letter; tests
 * use milliseconds.
 */
export type DeliveryPolicy = { attempts: number; backoffMs: number };
export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = { attempts: 8, backoffMs: 5_000 };

/** The name under which the worker's own back-off strategy is registered in job options. */
export const NOTIFY_BACKOFF = 'notify';

/**
 * BullMQ's back-off for notification jobs: exponential from the job's base delay, unless the
 * receiver said when to come back (Telegram's `retry_after`, an HTTP `Retry-After`) — asking
 * earlier would only be refused again.
 */
export function notifyBackoff(attemptsMade: number, _type?: string, err?: Error, job?: MinimalJob): number {
  if (err instanceof RetryableDeliveryError && err.retryAfterMs !== undefined) return err.retryAfterMs;
  const backoff = job?.opts.backoff;
  const base = typeof backoff === 'object' && backoff.delay !== undefined ? backoff.delay : DEFAULT_DELIVERY_POLICY.backoffMs;
  return base * 2 ** Math.max(0, attemptsMade - 1);
}
