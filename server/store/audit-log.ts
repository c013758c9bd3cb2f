import type { Redis } from 'ioredis';
import { z } from 'zod';

const ListRef = z.object({ id: z.string(), name: z.string() });

export const AuditEntry = z.object({
  at: z.string(),
  actionId: z.string(),
  boardId: z.string(),
  cardId: z.string(),
  cardName: z.string(),
  mover: z.string(),
  from: ListRef.nullable(),
  to: ListRef,
  /** What the service did: kept the move, moved the card back, or let it be and why. */
  verdict: z.enum(['accepted', 'reverted', 'ignored']),
  /** Why: for ignored, the reason code; for reverted, the rule that refused; for accepted, the stage. */
  reason: z.string(),
  failures: z.array(z.object({ code: z.string(), stage: z.string(), ru: z.string(), en: z.string(), facts: z.record(z.string(), z.unknown()) })),
  revertedTo: ListRef.nullable(),
  dryRun: z.boolean(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export type AuditLog = {
  append(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  recent(count: number): Promise<AuditEntry[]>;
  forCard(cardId: string, count?: number): Promise<AuditEntry[]>;
};

const MAX_ENTRIES = 200_000;
const MAX_PER_CARD = 500;

/**
 * The board-wide log is a Redis stream (append-only, trimmed, readable by time range); each card
 * also keeps its newest entries in a capped list so a card's story is one read.
 */
export function createAuditLog({ redis, prefix }: { redis: Redis; prefix: string }): AuditLog {
  const streamKey = `${prefix}:audit`;
  const cardKey = (cardId: string) => `${prefix}:card:${cardId}:audit`;
  return {
    async append(entry) {
      const row = JSON.stringify(entry);
      await redis
        .multi()
        .xadd(streamKey, 'MAXLEN', '~', MAX_ENTRIES, '*', 'entry', row)
        .lpush(cardKey(entry.cardId), row)
        .ltrim(cardKey(entry.cardId), 0, MAX_PER_CARD - 1)
        .exec();
    },
    async recent(count) {
      const rows = await redis.xrevrange(streamKey, '+', '-', 'COUNT', count);
      return rows.map(([, fields]) => AuditEntry.parse(JSON.parse(fields[1] ?? 'null')));
    },
    async forCard(cardId, count = MAX_PER_CARD) {
      const rows = await redis.lrange(cardKey(cardId), 0, count - 1);
      return rows.map((row) => AuditEntry.parse(JSON.parse(row)));
    },
  };
}
