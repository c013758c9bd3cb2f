import type { Redis } from 'ioredis';

export type JudgedActions = {
  has(actionId: string): Promise<boolean>;
  /**
   * This move of the card (Trello's action date) is about to be acted on: moves older than it are
   * overtaken from now on. True when a newer move of the card was claimed already.
   */
  claim(cardId: string, movedAt: string): Promise<boolean>;
};

// Only forward, in one step with the check: ISO times in UTC compare as strings.
const CLAIM = `
local newest = redis.call('GET', KEYS[1])
if newest and newest > ARGV[1] then return 1 end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
return 0`;

// Longer than Trello's whole redelivery span (retries over minutes; BullMQ keeps job ids a day).
export const JUDGED_KEEP_SECONDS = 7 * 24 * 3600;

/** The mark an action gets when its audit entry is written (server/store/audit-log.ts). */
export const judgedKey = (prefix: string, actionId: string) => `${prefix}:action:${actionId}`;

/** A move of the card older than this was overtaken by one already acted on. */
export const judgedUntilKey = (prefix: string, cardId: string) => `${prefix}:card:${cardId}:judged-until`;

/** Whether an action was judged to the end, so a redelivery after BullMQ forgot the job is still judged once. */
export function createJudgedActions({ redis, prefix }: { redis: Redis; prefix: string }): JudgedActions {
  return {
    has: async (actionId) => (await redis.exists(judgedKey(prefix, actionId))) === 1,
    claim: async (cardId, movedAt) => (await redis.eval(CLAIM, 1, judgedUntilKey(prefix, cardId), movedAt, JUDGED_KEEP_SECONDS)) === 1,
  };
}
