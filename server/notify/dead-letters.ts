import type { Redis } from 'ioredis';
import type { Delivery } from './delivery';
import { isCardNotice } from './notice';
import { streamFields } from '../queue/stream-fields';

/** Enough to see what was lost and tell the person by hand; the oldest go first past this many. */
const KEEP_ENTRIES = 10_000;

export type DeadLetter = {
  id: string;
  at: string;
  channel: string;
  recipient: string;
  usernames: string[];
  kind: string;
  actionId: string;
  boardId: string;
  /** '' for a notice about the board (a restored webhook). */
  cardId: string;
  cardName: string;
  attempts: number;
  error: string;
};

export type DeadLetters = {
  key: string;
  record(entry: { id: string; delivery: Delivery; attempts: number; error: string }): Promise<void>;
  /** Newest first. */
  list(count?: number): Promise<DeadLetter[]>;
};

/**
 * Deliveries given up on, in a Redis stream an operator reads with
 * `redis-cli XREVRANGE <prefix>:notify:dead + - COUNT 20` (docs/notifications.md).
 */
export function createDeadLetters(deps: { redis: Redis; prefix: string }): DeadLetters {
  const key = `${deps.prefix}:notify:dead`;
  return {
    key,
    async record({ id, delivery, attempts, error }) {
      const { notice } = delivery;
      const card = isCardNotice(notice) ? notice : { cardId: '', cardName: '' };
      const fields: Record<string, string> = {
        id, at: new Date().toISOString(), channel: delivery.channel, recipient: delivery.address,
        usernames: delivery.usernames.join(' '), kind: notice.kind, actionId: notice.actionId, boardId: notice.boardId,
        cardId: card.cardId, cardName: card.cardName, attempts: String(attempts), error,
        notice: JSON.stringify(notice),
      };
      await deps.redis.xadd(key, 'MAXLEN', '~', String(KEEP_ENTRIES), '*', ...Object.entries(fields).flat());
    },
    async list(count = 100) {
      const entries = await deps.redis.xrevrange(key, '+', '-', 'COUNT', count);
      return entries.map(([, flat]) => toDeadLetter(flat));
    },
  };
}

function toDeadLetter(flat: string[]): DeadLetter {
  const f = streamFields(flat);
  return {
    id: f.id ?? '', at: f.at ?? '', channel: f.channel ?? '', recipient: f.recipient ?? '',
    usernames: f.usernames ? f.usernames.split(' ') : [], kind: f.kind ?? '', actionId: f.actionId ?? '', boardId: f.boardId ?? '',
    cardId: f.cardId ?? '', cardName: f.cardName ?? '', attempts: Number(f.attempts ?? 0), error: f.error ?? '',
  };
}
