import { createHash } from 'node:crypto';
import { z } from 'zod';
import { NotificationChannel } from '../../rules';
import { Notice } from './notice';

/** One notice for one recipient on one channel: the unit that is queued, retried and recorded. */
export const Delivery = z.object({
  channel: NotificationChannel,
  /**
   * Where it goes: a Telegram chat id, an e-mail address, "card" for the card comment, and for a
   * webhook the key of its URL (`webhookKey`), since a webhook URL is a credential and job data is
   * readable by anyone with Redis access.
   */
  address: z.string(),
  /** The Trello usernames it is for; the card comment mentions them. */
  usernames: z.array(z.string()),
  notice: Notice,
});
export type Delivery = z.infer<typeof Delivery>;

/** A channel sends one delivery, or throws a RetryableDeliveryError / PermanentDeliveryError. */
export type Channel = {
  name: NotificationChannel;
  /**
   * `rerun`: an earlier run of this delivery may have sent it and died before recording that
   * (a crashed worker, a timeout after the send). A channel that can look may check first.
   */
  deliver(delivery: Delivery, attempt?: { rerun: boolean }): Promise<void>;
  /** At most `max` deliveries per `duration` ms across all workers (BullMQ's queue limiter). */
  limit?: { max: number; duration: number };
  close?(): Promise<void>;
};

/**
 * The BullMQ job id, and the key of the "delivered" mark: the same (event, recipient, channel)
 * always gets the same id, so a second send of the notice and a retried job find it taken. BullMQ
 * refuses ":" in custom ids, and addresses may hold any character, so odd ones are hashed.
 */
export function deliveryId(delivery: Pick<Delivery, 'channel' | 'address' | 'notice'>): string {
  const { actionId, kind } = delivery.notice;
  const address = /^[\w@.+-]{1,64}$/.test(delivery.address) ? delivery.address : hash(delivery.address);
  return `${actionId}-${kind}-${delivery.channel}-${address}`.replace(/:/g, '_');
}

/** Stands for a webhook URL in job data, job ids and dead letters. */
export function webhookKey(url: string): string {
  return `url-${hash(url)}`;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
