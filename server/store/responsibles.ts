import type { Redis } from 'ioredis';
import { z } from 'zod';

/** One «Беру»: who took the card in which visit to a stage. */
export const Take = z.object({
  stage: z.string(),
  /** The visit's enteredAt: a card enters a stage at most once at a given instant, so it names the visit. */
  visit: z.string(),
  username: z.string(),
  fullName: z.string().nullable(),
  memberId: z.string(),
  at: z.string(),
});
export type Take = z.infer<typeof Take>;

export type TakeResult = { taken: true; take: Take } | { taken: false; take: Take };

export type Responsibles = {
  /**
   * The first take of a visit wins, atomically: `taken` is true when this take is the one recorded
   * (now, or earlier by the same member), false with the recorded take when someone else was first.
   */
  take(cardId: string, take: Take): Promise<TakeResult>;
  /** Who took the card in the visit it entered at `visit` (the enteredAt), if anyone did. */
  forVisit(cardId: string, visit: string): Promise<Take | null>;
  /** Every take of each card, in one round trip; cards nobody took map to []. */
  allOf(cardIds: string[]): Promise<Map<string, Take[]>>;
};

// HSETNX is the whole race: two members clicking together both reach Redis, one field is written.
const TAKE_ONCE = `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then return ARGV[2] end
return redis.call('HGET', KEYS[1], ARGV[1])`;

/** `<prefix>:card:<id>:responsible`: a hash of visit (enteredAt) → the take's JSON. */
export function createResponsibles({ redis, prefix }: { redis: Redis; prefix: string }): Responsibles {
  const key = (cardId: string) => `${prefix}:card:${cardId}:responsible`;
  const parse = (row: string) => Take.parse(JSON.parse(row));
  return {
    async take(cardId, take) {
      const stored = parse(String(await redis.eval(TAKE_ONCE, 1, key(cardId), take.visit, JSON.stringify(take))));
      return { taken: stored.memberId === take.memberId, take: stored };
    },
    async forVisit(cardId, visit) {
      const row = await redis.hget(key(cardId), visit);
      return row ? parse(row) : null;
    },
    async allOf(cardIds) {
      const pipeline = redis.pipeline();
      for (const cardId of cardIds) pipeline.hvals(key(cardId));
      const replies = (await pipeline.exec()) ?? [];
      return new Map(cardIds.map((cardId, index) => {
        const [err, rows] = replies[index] ?? [new Error('no reply'), null];
        if (err) throw new Error(`reading who took card ${cardId}: ${err.message}`);
        return [cardId, (rows as string[]).map(parse)];
      }));
    },
  };
}
