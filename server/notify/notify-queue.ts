import { Queue, type ConnectionOptions } from 'bullmq';
import { NOTIFICATION_CHANNELS, type NotificationChannel, type ProcessConfig } from '../../rules';
import { deliveryId, type Delivery } from './delivery';
import { DEFAULT_DELIVERY_POLICY, NOTIFY_BACKOFF, type DeliveryPolicy } from './delivery-policy';
import type { Notice, Notifier } from './notice';
import { deliveriesFor } from './route-notice';

/** One queue per channel, so a channel that is slow or down never holds up another's deliveries. */
export const notifyQueueName = (channel: NotificationChannel) => `notify-${channel}`;
export const NOTIFY_QUEUES = NOTIFICATION_CHANNELS.map(notifyQueueName);

export type QueuedNotifier = Notifier & {
  queues: Queue[];
  /** The same queues, routing by another rules version (what a job judged under that version sends through). */
  withRules(config: ProcessConfig): Notifier;
  close(): Promise<void>;
};

/**
 * The notifier the worker and the Power-Up API talk to. It fans a notice out into one job per
 * (recipient, channel), each with its own retries; the job id is the delivery id, so sending the
 * same notice twice queues nothing new.
 */
export function createQueuedNotifier(opts: {
  connection: ConnectionOptions;
  prefix: string;
  config: ProcessConfig;
  policy?: DeliveryPolicy;
}): QueuedNotifier {
  const queues = new Map(
    NOTIFICATION_CHANNELS.map((channel) => [channel, new Queue(notifyQueueName(channel), { connection: opts.connection, prefix: opts.prefix })]),
  );
  const policy = opts.policy ?? DEFAULT_DELIVERY_POLICY;
  const routing = (config: ProcessConfig): Notifier => ({
    async send(notice) {
      const deliveries = deliveriesFor(notice, config);
      await Promise.all(
        [...queues].map(([channel, queue]) => {
          const jobs = deliveries.filter((d) => d.channel === channel).map((d) => job(d, policy));
          return jobs.length > 0 ? queue.addBulk(jobs) : undefined;
        }),
      );
    },
  });
  return {
    ...routing(opts.config),
    queues: [...queues.values()],
    withRules: routing,
    async close() {
      await Promise.all([...queues.values()].map((queue) => queue.close()));
    },
  };
}

function job(delivery: Delivery, policy: DeliveryPolicy) {
  return {
    name: delivery.notice.kind,
    data: delivery,
    opts: {
      jobId: deliveryId(delivery),
      priority: priorityOf(delivery.notice),
      attempts: policy.attempts,
      backoff: { type: NOTIFY_BACKOFF, delay: policy.backoffMs },
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      // Kept for a dashboard; the dead-letter stream is the lasting record.
      removeOnFail: { age: 14 * 24 * 3600 },
    },
  };
}

/**
 * BullMQ's job priority (lower goes first). A revert's explanation goes before arrival notices and
 * reminders queued ahead of it: the mover is looking at a card that just jumped back. Every notice
 * gets a number, because BullMQ takes jobs without one before any prioritized job.
 */
export function priorityOf(notice: Notice): number {
  return notice.kind === 'move-reverted' ? 1 : 2;
}
