import type { Redis } from 'ioredis';

/** Hash: field = board id, value = ISO time of the newest webhook delivery whose signature held. */
export function lastValidDeliveryKey(prefix: string): string {
  return `${prefix}:webhook:last-valid`;
}

export type LastValidDelivery = {
  record(boardId: string, at?: Date): Promise<void>;
  /** Every board seen so far; a value that is not a time is left out. */
  all(): Promise<Map<string, Date>>;
};

/**
 * When each board's webhook last brought a genuine delivery. The web process writes it, the
 * metrics read it at scrape time: in Redis, so every process reports the same, whichever one
 * Trello's delivery reached.
 */
export function createLastValidDelivery({ redis, prefix }: { redis: Redis; prefix: string }): LastValidDelivery {
  const key = lastValidDeliveryKey(prefix);
  return {
    async record(boardId, at = new Date()) {
      await redis.hset(key, boardId, at.toISOString());
    },
    async all() {
      const times = new Map<string, Date>();
      for (const [boardId, iso] of Object.entries(await redis.hgetall(key))) {
        const at = new Date(iso);
        if (!Number.isNaN(at.getTime())) times.set(boardId, at);
      }
      return times;
    },
  };
}
