import type { Redis } from 'ioredis';
import type { z } from 'zod';

export type PendingMarks<T> = {
  /** Written before the first change on the board, so a process killed halfway leaves a trace. */
  begin(cardId: string, value: T): Promise<void>;
  get(cardId: string): Promise<(T & { since: string }) | null>;
  /** Clears the card's mark if it is still the one for `actionId` (a later move may own it now). */
  finish(cardId: string, actionId: string): Promise<void>;
  /** Cards that have a mark of this kind. */
  cards(): Promise<string[]>;
};

// A mark nobody finished is finished by the reconciliation sweep long before this.
const KEEP_SECONDS = 7 * 24 * 3600;

const FINISH = `
local value = redis.call('GET', KEYS[1])
if value and cjson.decode(value).event.actionId == ARGV[1] then
  redis.call('DEL', KEYS[1])
  redis.call('SREM', KEYS[2], ARGV[2])
end
return 0`;

/**
 * A per-card record of a multi-step change in progress (a revert: move back, then explain; a
 * «Следующий этап» move: move, then record). Whoever re-runs the step, or the sweep, finishes it.
 */
export function createPendingMarks<S extends z.ZodType<{ event: { actionId: string } }>>(
  { redis, prefix }: { redis: Redis; prefix: string },
  kind: 'revert' | 'advancing',
  schema: S,
): PendingMarks<z.output<S>> {
  const key = (cardId: string) => `${prefix}:card:${cardId}:${kind}`;
  const index = `${prefix}:pending:${kind}`;
  return {
    async begin(cardId, value) {
      const row = JSON.stringify({ ...value, since: new Date().toISOString() });
      await redis.multi().set(key(cardId), row, 'EX', KEEP_SECONDS).sadd(index, cardId).exec();
    },
    async get(cardId) {
      const row = await redis.get(key(cardId));
      if (!row) return null;
      const parsed = JSON.parse(row) as { since: string };
      return { ...schema.parse(parsed), since: parsed.since };
    },
    async finish(cardId, actionId) {
      await redis.eval(FINISH, 2, key(cardId), index, actionId, cardId);
    },
    async cards() {
      const cards = await redis.smembers(index);
      // Marks that expired on their own leave their card in the index: tidy as we read.
      const alive = await Promise.all(cards.map((id) => redis.exists(key(id))));
      const gone = cards.filter((_, n) => !alive[n]);
      if (gone.length) await redis.srem(index, ...gone);
      return cards.filter((_, n) => alive[n]);
    },
  };
}
