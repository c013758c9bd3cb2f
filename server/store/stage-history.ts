import type { Redis } from 'ioredis';
import { z } from 'zod';

export const StageVisit = z.object({
  stage: z.string(),
  listId: z.string(),
  enteredAt: z.string(),
  leftAt: z.string().nullable(),
  actionId: z.string(),
});
export type StageVisit = z.infer<typeof StageVisit>;

export type StageHistory = {
  /** Closes the open visit (leftAt = at) and opens a new one. */
  enter(cardId: string, visit: { stage: string; listId: string; at: string; actionId: string }): Promise<void>;
  current(cardId: string): Promise<StageVisit | null>;
  all(cardId: string): Promise<StageVisit[]>;
};

// Atomic close-and-push so that readers never see two open visits. Events of one card are already
// serialised by their queue; the script keeps the record consistent for any other writer too.
const ENTER = `
local last = redis.call('LINDEX', KEYS[1], -1)
if last then
  local visit = cjson.decode(last)
  if visit.actionId == ARGV[2] then return 0 end
  if visit.leftAt == cjson.null or visit.leftAt == nil then
    visit.leftAt = ARGV[3]
    redis.call('LSET', KEYS[1], -1, cjson.encode(visit))
  end
end
redis.call('RPUSH', KEYS[1], ARGV[1])
return 1`;

export function createStageHistory({ redis, prefix }: { redis: Redis; prefix: string }): StageHistory {
  const key = (cardId: string) => `${prefix}:card:${cardId}:stages`;
  const all = async (cardId: string) =>
    (await redis.lrange(key(cardId), 0, -1)).map((row) => StageVisit.parse(JSON.parse(row)));
  return {
    async enter(cardId, { stage, listId, at, actionId }) {
      const visit: StageVisit = { stage, listId, enteredAt: at, leftAt: null, actionId };
      await redis.eval(ENTER, 1, key(cardId), JSON.stringify(visit), actionId, at);
    },
    async current(cardId) {
      const last = await redis.lindex(key(cardId), -1);
      return last ? StageVisit.parse(JSON.parse(last)) : null;
    },
    all,
  };
}
