import type { Redis } from 'ioredis';
import { z } from 'zod';
import { ListRef } from '../trello/schema';
import { JUDGED_KEEP_SECONDS, judgedKey } from './judged-actions';

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
  /** The rules version the move was judged under (absent in entries written before versions existed). */
  rulesVersion: z.number().int().positive().optional(),
  /** When the move happened on the board (Trello's action date); `at` is when it was judged. */
  movedAt: z.string().optional(),
  /** Set when the move reached the service through the reconciliation sweep, not a webhook. */
  detectedBy: z.literal('reconciliation').optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** An entry with its place in the board-wide stream: `<judge-time ms>-<seq>`, what a page's cursor names. */
export type AuditRecord = AuditEntry & { id: string };

/** A stream id, as the decisions' cursor carries it. */
export const STREAM_ID = /^\d{1,15}-\d{1,15}$/;

export type AuditLog = {
  /**
   * Writes the action's entry and marks the action judged, in one step and once: a job that runs
   * again after a crash cannot write a second entry. False when the action already had one.
   */
  append(entry: AuditEntry): Promise<boolean>;
  /** Newest first. */
  recent(count: number): Promise<AuditEntry[]>;
  forCard(cardId: string, count?: number): Promise<AuditEntry[]>;
  /** The card's newest entries with their stream ids, newest first. */
  recordsOfCard(cardId: string, count?: number): Promise<AuditRecord[]>;
  /** Entries judged in [from, to), oldest first, read in batches so that years of log are no one huge reply. */
  between(from: Date, to: Date): Promise<AuditRecord[]>;
  /** Up to `count` entries judged before the entry `before` (exclusive; the newest when null), newest first. */
  olderThan(before: string | null, count: number): Promise<AuditRecord[]>;
};

const MAX_ENTRIES = 200_000;
const MAX_PER_CARD = 500;
const READ_BATCH = 2_000;

// A card entry written before entries carried their stream id: its judge time stands in (ms, seq 0).
const CardRow = AuditEntry.extend({ streamId: z.string().optional() });

// Mark, stream entry and card entry together, or nothing: the mark is what makes a re-run a duplicate.
// The card's copy carries the stream id (spliced in as the object's first key) so a card's history
// names each decision by the same id as the board's log does.
const APPEND_ONCE = `
if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[2]) then return 0 end
local id = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*', 'entry', ARGV[1])
redis.call('LPUSH', KEYS[3], '{"streamId":"' .. id .. '",' .. string.sub(ARGV[1], 2))
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
    async recordsOfCard(cardId, count = MAX_PER_CARD) {
      const rows = await redis.lrange(cardKey(cardId), 0, count - 1);
      return rows.map((row) => {
        const { streamId, ...entry } = CardRow.parse(JSON.parse(row));
        return { ...entry, id: streamId ?? `${Date.parse(entry.at)}-0` };
      });
    },
    async between(from, to) {
      const records: AuditRecord[] = [];
      let start = String(from.getTime());
      for (;;) {
        // An id of bare milliseconds as the end means its last entry: to - 1 ends before `to`.
        const rows = await redis.xrange(streamKey, start, String(to.getTime() - 1), 'COUNT', READ_BATCH);
        records.push(...rows.map(toRecord));
        if (rows.length < READ_BATCH) return records;
        start = `(${rows.at(-1)![0]}`;
      }
    },
    async olderThan(before, count) {
      return (await redis.xrevrange(streamKey, before ? `(${before}` : '+', '-', 'COUNT', count)).map(toRecord);
    },
  };
}

function toRecord([id, fields]: [string, string[]]): AuditRecord {
  return { ...AuditEntry.parse(JSON.parse(fields[1] ?? 'null')), id };
}
