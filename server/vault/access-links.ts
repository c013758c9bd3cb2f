import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';

/** A one-time link to chosen entries of a card, as stored under the hash of its token. */
export const AccessLink = z.object({
  boardId: z.string(),
  cardId: z.string(),
  entryIds: z.array(z.string()).min(1),
  createdAt: z.string(),
  expiresAt: z.string(),
  /** Who sent it, and to whom (an address, or "" when the member copied the link to send it themselves). */
  sentBy: z.object({ memberId: z.string(), username: z.string(), fullName: z.string().nullable() }),
  recipient: z.string(),
});
export type AccessLink = z.infer<typeof AccessLink>;

export type AccessLinks = {
  /** Stores the link and answers its token: 256 random bits, of which only the hash is kept. */
  create(link: AccessLink): Promise<string>;
  /** The link if it is still unused and unexpired; reading it does not use it up. */
  peek(token: string): Promise<AccessLink | null>;
  /** Uses the link up: of any number of concurrent calls, exactly one gets it. */
  burn(token: string): Promise<AccessLink | null>;
  /** Puts a used link back for the rest of its life (its opening could not be recorded). */
  restore(token: string, link: AccessLink): Promise<void>;
  /** Withdraws a link that could not be delivered. */
  revoke(token: string): Promise<void>;
};

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The SHA-256 of a link's token: all that is stored of it, and how a reminder names the link. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Where a link is stored: under its token's hash. */
export const accessLinkKey = (prefix: string, hash: string) => `${prefix}:vault:link:${hash}`;

/** `<prefix>:vault:link:<sha256 of the token>`: the link's JSON, expiring with the link. */
export function createAccessLinks(opts: { redis: Redis; prefix: string; now?: () => number }): AccessLinks {
  const now = opts.now ?? Date.now;
  // A Redis dump holds only hashes: it opens no link.
  const key = (token: string) => accessLinkKey(opts.prefix, tokenHash(token));
  const parse = (json: string | null) => (json === null ? null : AccessLink.parse(JSON.parse(json)));
  const lifeMs = (link: AccessLink) => Date.parse(link.expiresAt) - now();

  return {
    async create(link) {
      const token = randomBytes(32).toString('base64url');
      const ms = lifeMs(link);
      if (ms <= 0) throw new Error(`[vault] a link must expire in the future, not at ${link.expiresAt}`);
      await opts.redis.set(key(token), JSON.stringify(AccessLink.parse(link)), 'PX', ms);
      return token;
    },
    async peek(token) {
      return TOKEN.test(token) ? parse(await opts.redis.get(key(token))) : null;
    },
    async burn(token) {
      // GETDEL is one step in Redis: two opens at the same instant cannot both read the link.
      return TOKEN.test(token) ? parse(await opts.redis.getdel(key(token))) : null;
    },
    async restore(token, link) {
      const ms = lifeMs(link);
      if (ms > 0) await opts.redis.set(key(token), JSON.stringify(link), 'PX', ms, 'NX');
    },
    async revoke(token) {
      await opts.redis.del(key(token));
    },
  };
}
