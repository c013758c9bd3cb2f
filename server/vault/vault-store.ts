import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { VaultEntryFields, type VaultEntryChange } from '../../rules';
import { Sealed, WrappedKey, newDataKey, openEntry, sealEntry, unwrapDataKey, wrapDataKey } from './envelope';
import type { VaultKeys } from './vault-keys';

/** An entry as the vault hands it out: the decrypted fields and who changed it when. */
export type VaultEntry = VaultEntryFields & { id: string; createdAt: string; updatedAt: string; createdBy: string; updatedBy: string };

// In the clear: the entry id, times and member ids (who changed it). Everything a person typed —
// label, login, secret, URL, note — is one sealed blob, so a Redis dump says how many entries a
// card has and when they changed, nothing of what they are.
const StoredEntry = z.object({
  id: z.string(),
  sealed: Sealed,
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.string(),
  updatedBy: z.string(),
});
type StoredEntry = z.infer<typeof StoredEntry>;

export type RotationReport = { cards: number; rewrapped: number; alreadyCurrent: number };

export type VaultStore = {
  list(cardId: string): Promise<VaultEntry[]>;
  get(cardId: string, entryId: string): Promise<VaultEntry | null>;
  /** `entryId` lets a caller log the entry's creation under its id before it exists. */
  add(cardId: string, fields: VaultEntryFields, memberId: string, entryId?: string): Promise<VaultEntry>;
  /** null when the entry does not exist (deleted meanwhile). */
  update(cardId: string, entryId: string, change: VaultEntryChange, memberId: string): Promise<VaultEntry | null>;
  remove(cardId: string, entryId: string): Promise<boolean>;
  /** Erases the card's whole vault, its data key with it; answers the ids of the entries it held. */
  forget(cardId: string): Promise<string[]>;
  /** How many entries a card has, without decrypting anything (members without the right see this). */
  count(cardId: string): Promise<number>;
  /** Re-wraps every card's data key under the current master key. */
  rotate(): Promise<RotationReport>;
  /** Whether anything is stored: a service started without VAULT_KEYS must not hide existing entries. */
  hasData(): Promise<boolean>;
};

const DATA_KEY = 'key';
const ENTRY = 'entry:';

// Replaces the wrapped key only if it is still the one rotation read: a concurrent first entry or
// another rotation wins, never an older key over a newer one.
const SWAP_IF_SAME = `
if redis.call('HGET', KEYS[1], 'key') == ARGV[1] then redis.call('HSET', KEYS[1], 'key', ARGV[2]) return 1 end
return 0`;

/** The card's vault: a hash of its wrapped data key and its sealed entries (below). */
export const vaultCardKey = (prefix: string, cardId: string) => `${prefix}:vault:card:${cardId}`;
/** An entry's field in its card's hash. */
export const vaultEntryField = (entryId: string) => `${ENTRY}${entryId}`;

/**
 * `<prefix>:vault:card:<cardId>`: a hash of `key` (the card's data key, wrapped by a master key)
 * and `entry:<id>` (each entry sealed under the data key, bound to card and entry id);
 * `<prefix>:vault:cards`: the cards that have a vault, for rotation.
 */
export function createVaultStore(opts: { redis: Redis; prefix: string; keys: VaultKeys; now?: () => Date }): VaultStore {
  const { redis, keys } = opts;
  const now = () => (opts.now?.() ?? new Date()).toISOString();
  const cardKey = (cardId: string) => vaultCardKey(opts.prefix, cardId);
  const cardsKey = `${opts.prefix}:vault:cards`;

  const dataKeyOf = async (cardId: string, create: boolean): Promise<Buffer | null> => {
    const stored = await redis.hget(cardKey(cardId), DATA_KEY);
    if (stored) return unwrapDataKey(keys, WrappedKey.parse(JSON.parse(stored)), cardId);
    if (!create) return null;
    const fresh = newDataKey(keys, cardId);
    // Two first entries at once: one data key is kept, and the loser encrypts under the winner's.
    const [[, set]] = (await redis.multi().hsetnx(cardKey(cardId), DATA_KEY, JSON.stringify(fresh.wrapped)).sadd(cardsKey, cardId).exec()) as [[null, number]];
    return set === 1 ? fresh.dataKey : dataKeyOf(cardId, false);
  };

  const decrypt = (cardId: string, dataKey: Buffer, row: string): VaultEntry => {
    const { sealed, ...meta } = StoredEntry.parse(JSON.parse(row));
    const fields = VaultEntryFields.parse(JSON.parse(openEntry(dataKey, cardId, meta.id, sealed)));
    return { ...fields, ...meta };
  };

  const write = async (cardId: string, dataKey: Buffer, entry: VaultEntry): Promise<void> => {
    const { id, createdAt, updatedAt, createdBy, updatedBy, ...fields } = entry;
    const stored: StoredEntry = { id, createdAt, updatedAt, createdBy, updatedBy, sealed: sealEntry(dataKey, cardId, id, JSON.stringify(fields)) };
    await redis.hset(cardKey(cardId), vaultEntryField(id), JSON.stringify(stored));
  };

  const get = async (cardId: string, entryId: string): Promise<VaultEntry | null> => {
    const row = await redis.hget(cardKey(cardId), vaultEntryField(entryId));
    if (!row) return null;
    const dataKey = await dataKeyOf(cardId, false);
    if (!dataKey) throw new Error(`[vault] card ${cardId} has entries but no data key`);
    return decrypt(cardId, dataKey, row);
  };

  return {
    async list(cardId) {
      const all = await redis.hgetall(cardKey(cardId));
      const rows = Object.entries(all).filter(([field]) => field.startsWith(ENTRY));
      if (rows.length === 0) return [];
      const dataKey = await dataKeyOf(cardId, false);
      if (!dataKey) throw new Error(`[vault] card ${cardId} has entries but no data key`);
      return rows.map(([, row]) => decrypt(cardId, dataKey, row)).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    },
    get,
    async add(cardId, fields, memberId, entryId = randomUUID()) {
      const dataKey = (await dataKeyOf(cardId, true))!;
      const at = now();
      const entry: VaultEntry = { ...VaultEntryFields.parse(fields), id: entryId, createdAt: at, updatedAt: at, createdBy: memberId, updatedBy: memberId };
      await write(cardId, dataKey, entry);
      return entry;
    },
    async update(cardId, entryId, change, memberId) {
      const before = await get(cardId, entryId);
      if (!before) return null;
      const dataKey = (await dataKeyOf(cardId, false))!;
      const fields = VaultEntryFields.parse({ ...change, secret: change.secret || before.secret });
      const entry: VaultEntry = { ...before, ...fields, updatedAt: now(), updatedBy: memberId };
      await write(cardId, dataKey, entry);
      return entry;
    },
    async remove(cardId, entryId) {
      return (await redis.hdel(cardKey(cardId), vaultEntryField(entryId))) === 1;
    },
    async forget(cardId) {
      const fields = await redis.hkeys(cardKey(cardId));
      await redis.multi().del(cardKey(cardId)).srem(cardsKey, cardId).exec();
      return fields.filter((f) => f.startsWith(ENTRY)).map((f) => f.slice(ENTRY.length));
    },
    async count(cardId) {
      const fields = await redis.hkeys(cardKey(cardId));
      return fields.filter((f) => f.startsWith(ENTRY)).length;
    },
    async rotate() {
      const report: RotationReport = { cards: 0, rewrapped: 0, alreadyCurrent: 0 };
      for (const cardId of await redis.smembers(cardsKey)) {
        const stored = await redis.hget(cardKey(cardId), DATA_KEY);
        if (!stored) continue;
        report.cards += 1;
        const wrapped = WrappedKey.parse(JSON.parse(stored));
        if (wrapped.kid === keys.current.id) {
          report.alreadyCurrent += 1;
          continue;
        }
        const rewrapped = wrapDataKey(keys.current, unwrapDataKey(keys, wrapped, cardId), cardId);
        const swapped = await redis.eval(SWAP_IF_SAME, 1, cardKey(cardId), stored, JSON.stringify(rewrapped));
        if (swapped === 1) report.rewrapped += 1;
        else report.alreadyCurrent += 1;
      }
      return report;
    },
    async hasData() {
      return (await redis.scard(cardsKey)) > 0;
    },
  };
}
