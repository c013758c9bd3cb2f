import type { Redis } from 'ioredis';
import { z } from 'zod';
import { VAULT_ACTIONS } from '../../rules';

/** One access to the vault: who did what to which entry of which card, and when. */
export const VaultAccess = z.object({
  at: z.string(),
  action: z.enum(VAULT_ACTIONS),
  boardId: z.string(),
  cardId: z.string(),
  /** Absent for a share of several entries; the share's entries are in `entryIds`. */
  entryId: z.string().optional(),
  entryIds: z.array(z.string()).optional(),
  /** The Trello member, or absent for the client opening a link. */
  memberId: z.string().optional(),
  username: z.string().optional(),
  /** A share's recipient and link expiry; a link's open time is `at`. */
  recipient: z.string().optional(),
  expiresAt: z.string().optional(),
  /** The card's name, for a card deleted in Trello: there is no card left to read it from. */
  cardName: z.string().optional(),
});
export type VaultAccess = z.infer<typeof VaultAccess>;
export type LoggedAccess = VaultAccess & { id: string };

export class AccessLogUnavailableError extends Error {
  override readonly name = 'AccessLogUnavailableError';
  readonly code = 'access_log_unavailable';
}

export type AccessLog = {
  /**
   * Writes the access to the board's and the card's log. Callers await it before they hand out a
   * secret: when it throws, nothing is handed out — a reveal nobody can read about later does not happen.
   */
  record(access: Omit<VaultAccess, 'at'> & { at?: string }): Promise<LoggedAccess>;
  /** Newest first; `before` is an exclusive stream id for paging. */
  ofCard(cardId: string, opts?: { limit?: number; before?: string }): Promise<LoggedAccess[]>;
  ofBoard(boardId: string, opts?: { limit?: number; before?: string }): Promise<LoggedAccess[]>;
};

/** `<prefix>:vault:access:board:<boardId>` and `<prefix>:vault:access:card:<cardId>`: streams kept whole. */
export function createAccessLog(opts: { redis: Redis; prefix: string; now?: () => Date }): AccessLog {
  const { redis } = opts;
  const boardKey = (boardId: string) => `${opts.prefix}:vault:access:board:${boardId}`;
  const cardKey = (cardId: string) => `${opts.prefix}:vault:access:card:${cardId}`;

  const read = async (key: string, limit = 50, before?: string): Promise<LoggedAccess[]> => {
    const rows = await redis.xrevrange(key, before ? `(${before}` : '+', '-', 'COUNT', Math.min(Math.max(limit, 1), 500));
    return rows.map(([id, fields]) => ({ id, ...VaultAccess.parse(JSON.parse(fields[1] ?? '{}')) }));
  };

  return {
    async record(input) {
      const access = VaultAccess.parse({ ...input, at: input.at ?? (opts.now?.() ?? new Date()).toISOString() });
      const json = JSON.stringify(access);
      try {
        // One MULTI, so a dropped connection loses both lines; any failed line fails the whole access.
        const results = await redis.multi().xadd(boardKey(access.boardId), '*', 'access', json).xadd(cardKey(access.cardId), '*', 'access', json).exec();
        const failed = results?.find(([err]) => err);
        if (!results || failed) throw failed?.[0] ?? new Error('transaction discarded');
        return { ...access, id: String(results[0]![1]) };
      } catch (err) {
        throw new AccessLogUnavailableError(`[vault] cannot write the access log (${(err as Error).message}); the ${access.action} of card ${access.cardId} was not done`, { cause: err });
      }
    },
    ofCard: (cardId, o) => read(cardKey(cardId), o?.limit, o?.before),
    ofBoard: (boardId, o) => read(boardKey(boardId), o?.limit, o?.before),
  };
}
