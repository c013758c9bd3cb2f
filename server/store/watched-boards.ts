import type { Redis } from 'ioredis';

export type WatchedBoards = {
  /** Remembers a board the service enforces (its webhook was registered or seen). */
  add(boardId: string): Promise<void>;
  has(boardId: string): Promise<boolean>;
  all(): Promise<string[]>;
};

/**
 * The boards this deployment enforces, kept apart from Trello's webhook list: when Trello deletes
 * a webhook, the board must still be known so that the health check can register it again.
 */
export function createWatchedBoards({ redis, prefix }: { redis: Redis; prefix: string }): WatchedBoards {
  const key = `${prefix}:boards:watched`;
  return {
    async add(boardId) {
      await redis.sadd(key, boardId);
    },
    has: async (boardId) => (await redis.sismember(key, boardId)) === 1,
    all: async () => (await redis.smembers(key)).sort(),
  };
}
