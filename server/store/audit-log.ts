import type { Redis } from 'ioredis';
import { z } from 'zod';
import { JUDGED_KEEP_SECONDS, judgedKey } from './judged-actions';

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
  /** When the move happened on the board (Trello's action date); `at` is when it was judged. */
  movedAt: z.string().optional(),
  /** Set when the move reached the service through the reconciliation sweep, not a webhook. */
  detectedBy: z.literal('reconciliation').optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export type AuditLog = {
  /**
   * Writes the action's entry and marks the action judged, in one step and once: a job that runs
   * again after a crash cannot write a second entry. False when the action already had one.
   */
  append(entry: AuditEntry): Promise<boolean>;
  /** Newest first. */
  recent(count: number): Promise<AuditEntry[]>;
  forCard(cardId: string, count?: number): Promise<AuditEntry[]>;
};

const MAX_ENTRIES = 200_000;
const MAX_PER_CARD = 500;

// Mark, stream entry and card entry together, or nothing: the mark is what makes a re-run a duplicate.
const APPEND_ONCE = `
if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[2]) then return 0 end
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*', 'entry', ARGV[1])
redis.call('LPUSH', KEYS[3], ARGV[1])
redis.call('LTRIM', KEYS[3], 0, ARGV[4] - 1)
return 1`;

/**
 * The board-wide log is a Redis stream (append-only, trimmed, readable by time range); each card
 * also keeps its newest entries in a capped list so a card's story is one read.
 */
export function createAuditLog({ redis, prefix }: { redis: Redis; prefix: string }): AuditLog {
  const streamKey = `${prefix}:audit`;
  const cardKey = (cardId: string) => `${prefix}:card:${cardId}:audit`;
  return {
    async append(entry) {
      const keys = [judgedKey(prefix, entry.actionId), streamKey, cardKey(entry.cardId)];
      const args = [JSON.stringify(entry), JUDGED_KEEP_SECONDS, MAX_ENTRIES, MAX_PER_CARD];
      return (await redis.eval(APPEND_ONCE, keys.length, ...keys, ...args)) === 1;
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
