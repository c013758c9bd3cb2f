import { createHash } from 'node:crypto';

/** Stable card → partition mapping: every event of one card lands in the same ordered queue. */
export function partitionOf(cardId: string, partitions: number): number {
  return createHash('sha1').update(cardId).digest().readUInt32BE(0) % partitions;
}

export function eventQueueName(partition: number): string {
  return `events-${partition}`;
}
