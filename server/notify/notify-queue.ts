import { Queue, type ConnectionOptions } from 'bullmq';
import type { ProcessConfig } from '../../rules';
import { deliveryId } from './delivery';
import { DEFAULT_DELIVERY_POLICY, NOTIFY_BACKOFF, type DeliveryPolicy } from './delivery-policy';
import type { Notifier } from './notice';
import { deliveriesFor } from './route-notice';

export const NOTIFY_QUEUE = 'notify';

/**
 * The notifier the worker and the Power-Up API talk to. It fans a notice out into one job per
 * (recipient, channel), each with its own retries, so a channel that is down delays only its
 * own deliveries; the job id is the delivery id, so sending the same notice twice queues nothing new.
 */
export function createQueuedNotifier(opts: {
  connection: ConnectionOptions;
  prefix: string;
  config: ProcessConfig;
  policy?: DeliveryPolicy;
}): Notifier & { queue: Queue; close(): Promise<void> } {
  const queue = new Queue(NOTIFY_QUEUE, { connection: opts.connection, prefix: opts.prefix });
  const policy = opts.policy ?? DEFAULT_DELIVERY_POLICY;
  return {
    queue,
    async send(notice) {
      const deliveries = deliveriesFor(notice, opts.config);
      if (deliveries.length === 0) return;
      await queue.addBulk(
        deliveries.map((delivery) => ({
          name: `${notice.kind} ${delivery.channel}`,
          data: delivery,
          opts: {
            jobId: deliveryId(delivery),
            attempts: policy.attempts,
            backoff: { type: NOTIFY_BACKOFF, delay: policy.backoffMs },
            removeOnComplete: { age: 24 * 3600, count: 10_000 },
            // Kept for a dashboard; the dead-letter stream is the lasting record.
            removeOnFail: { age: 14 * 24 * 3600 },
          },
        })),
      );
    },
    close: () => queue.close(),
  };
}
