import type { Redis } from 'ioredis';

export type JudgedActions = {
  has(actionId: string): Promise<boolean>;
  /** The time of the newest move of the card that was acted on (Trello's action date), if any. */
  judgedUntil(cardId: string): Promise<string | null>;
  /** This move of the card is being acted on: moves older than `movedAt` are overtaken from now on. */
  claim(cardId: string, movedAt: string): Promise<void>;
};

// Only forward: ISO times in UTC compare as strings.
const CLAIM = `
local newest = redis.call('GET', KEYS[1])
if not newest or newest < ARGV[1] then redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2]) end
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
    judgedUntil: (cardId) => redis.get(judgedUntilKey(prefix, cardId)),
    async claim(cardId, movedAt) {
      await redis.eval(CLAIM, 1, judgedUntilKey(prefix, cardId), movedAt, JUDGED_KEEP_SECONDS);
    },
  };
}
