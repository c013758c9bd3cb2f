import type { Redis } from 'ioredis';

export type JudgedActions = {
  has(actionId: string): Promise<boolean>;
  mark(actionId: string): Promise<void>;
};

// Longer than Trello's whole redelivery span (retries over minutes; BullMQ keeps job ids a day).
const KEEP_SECONDS = 7 * 24 * 3600;

/** Marks an action once its effects are done, so a redelivery after BullMQ forgot the job is still judged once. */
export function createJudgedActions({ redis, prefix }: { redis: Redis; prefix: string }): JudgedActions {
  const key = (actionId: string) => `${prefix}:action:${actionId}`;
  return {
    async has(actionId) {
      return (await redis.exists(key(actionId))) === 1;
    },
    async mark(actionId) {
      await redis.set(key(actionId), '1', 'EX', KEEP_SECONDS);
    },
  };
}
