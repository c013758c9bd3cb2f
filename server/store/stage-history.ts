import type { Redis } from 'ioredis';
import { z } from 'zod';

export const StageVisit = z.object({
  stage: z.string(),
  listId: z.string(),
  enteredAt: z.string(),
  leftAt: z.string().nullable(),
  actionId: z.string(),
  /**
   * Absent for a stage of the process. `suspension`: time in a suspension stage, kept apart so
   * that neither stage limits nor the director's onboarding figures count it.
   */
  kind: z.literal('suspension').optional(),
});
export type StageVisit = z.infer<typeof StageVisit>;

export type StageEntry = { stage: string; listId: string; at: string; actionId: string; kind?: 'suspension' };

export type StageHistory = {
  /**
   * Closes the open visit (leftAt = at) and opens a new one. Returns the visit this entry follows
   * (the one it closed, or on a repeated entry the one before it), whose deadlines are now moot.
   */
  enter(cardId: string, entry: StageEntry): Promise<StageVisit | null>;
  /** Writes the first visit of a card that has none (a rebuilt history); false if it has one. */
  seed(cardId: string, entry: StageEntry): Promise<boolean>;
  current(cardId: string): Promise<StageVisit | null>;
  all(cardId: string): Promise<StageVisit[]>;
  /** Every visit of each card, oldest first, in one round trip (a board's worth for the director's view). */
  allOf(cardIds: string[]): Promise<Map<string, StageVisit[]>>;
};

// Atomic close-and-push so that readers never see two open visits. Events of one card are already
// serialised by their queue; the script keeps the record consistent for any other writer too.
const ENTER = `
local last = redis.call('LINDEX', KEYS[1], -1)
if not last then
  redis.call('RPUSH', KEYS[1], ARGV[1])
  return false
end
local visit = cjson.decode(last)
if visit.actionId == ARGV[2] then return redis.call('LINDEX', KEYS[1], -2) end
if visit.leftAt == cjson.null or visit.leftAt == nil then
  visit.leftAt = ARGV[3]
  last = cjson.encode(visit)
  redis.call('LSET', KEYS[1], -1, last)
end
redis.call('RPUSH', KEYS[1], ARGV[1])
return last`;

// Only into an empty history: a live event that got there first knows better than a rebuild.
const SEED = `
if redis.call('LLEN', KEYS[1]) > 0 then return 0 end
redis.call('RPUSH', KEYS[1], ARGV[1])
return 1`;

export function createStageHistory({ redis, prefix }: { redis: Redis; prefix: string }): StageHistory {
  const key = (cardId: string) => `${prefix}:card:${cardId}:stages`;
  return {
    async enter(cardId, entry) {
      const previous = await redis.eval(ENTER, 1, key(cardId), JSON.stringify(visitOf(entry)), entry.actionId, entry.at);
      return typeof previous === 'string' ? parseVisit(previous) : null;
    },
    async seed(cardId, entry) {
      return (await redis.eval(SEED, 1, key(cardId), JSON.stringify(visitOf(entry)))) === 1;
    },
    async current(cardId) {
      const last = await redis.lindex(key(cardId), -1);
      return last ? parseVisit(last) : null;
    },
    all: async (cardId) => (await redis.lrange(key(cardId), 0, -1)).map(parseVisit),
    async allOf(cardIds) {
      const pipeline = redis.pipeline();
      for (const cardId of cardIds) pipeline.lrange(key(cardId), 0, -1);
      const replies = (await pipeline.exec()) ?? [];
      return new Map(cardIds.map((cardId, index) => {
        const [err, rows] = replies[index] ?? [new Error('no reply'), null];
        if (err) throw new Error(`reading the stage history of card ${cardId}: ${err.message}`);
        return [cardId, (rows as string[]).map(parseVisit)];
      }));
    },
  };
}

/**
 * A stored visit, read back. The director's view reads a board's every visit at once, where zod's
 * walk cost more than the JSON itself: a record of the expected shape is taken field by field (as
 * zod would, unknown keys left behind), and only one that is not goes through the schema, whose
 * error says what is wrong.
 */
export function parseVisit(row: string): StageVisit {
  const data: unknown = JSON.parse(row);
  if (!isVisitShaped(data)) return StageVisit.parse(data);
  const { stage, listId, enteredAt, leftAt, actionId, kind } = data;
  const visit: StageVisit = { stage, listId, enteredAt, leftAt, actionId };
  if (kind !== undefined) visit.kind = kind;
  return visit;
}

function isVisitShaped(data: unknown): data is StageVisit {
  if (typeof data !== 'object' || data === null) return false;
  const v = data as Record<string, unknown>;
  return (
    typeof v.stage === 'string' &&
    typeof v.listId === 'string' &&
    typeof v.enteredAt === 'string' &&
    (v.leftAt === null || typeof v.leftAt === 'string') &&
    typeof v.actionId === 'string' &&
    (v.kind === undefined || v.kind === 'suspension')
  );
}

function visitOf({ stage, listId, at, actionId, kind }: StageEntry): StageVisit {
  return { stage, listId, enteredAt: at, leftAt: null, actionId, ...(kind ? { kind } : {}) };
}
