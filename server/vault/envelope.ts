import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { MasterKey, VaultKeys } from './vault-keys';

// AES-256-GCM with a fresh 96-bit nonce per encryption (NIST SP 800-38D's recommended size); the
// 128-bit tag authenticates the ciphertext and the associated data that binds it to its place.
const ALGORITHM = 'aes-256-gcm';
const NONCE_BYTES = 12;

/** What is stored for one encryption: nonce, tag and ciphertext in base64, and a format version. */
export const Sealed = z.object({ v: z.literal(1), iv: z.string(), tag: z.string(), ct: z.string() });
export type Sealed = z.infer<typeof Sealed>;

/** A card's data key, encrypted under the master key `kid`. */
export const WrappedKey = Sealed.extend({ kid: z.string() });
export type WrappedKey = z.infer<typeof WrappedKey>;

/** Decryption failed: the ciphertext, its tag or its associated data (card, entry) do not match. */
export class VaultIntegrityError extends Error {
  override readonly name = 'VaultIntegrityError';
  readonly code = 'vault_integrity';
}

/** A data key wrapped under a master key that `VAULT_KEYS` no longer holds. */
export class VaultKeyMissingError extends Error {
  override readonly name = 'VaultKeyMissingError';
  readonly code = 'vault_key_missing';
}

// The associated data names what a ciphertext belongs to: a data key moved to another card, or an
// entry moved to another card or entry id, fails its tag check instead of decrypting.
const dataKeyContext = (cardId: string) => `gatekeeper/vault/v1/data-key/${cardId}`;
const entryContext = (cardId: string, entryId: string) => `gatekeeper/vault/v1/entry/${cardId}/${entryId}`;

export function seal(key: Buffer, plaintext: Buffer, context: string): Sealed {
  const iv = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(context));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { v: 1, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ct: ct.toString('base64') };
}

export function open(key: Buffer, sealed: Sealed, context: string, what: string): Buffer {
  try {
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64')), decipher.final()]);
  } catch {
    throw new VaultIntegrityError(`[vault] ${what} cannot be decrypted: it was altered, or moved from another card or entry`);
  }
}

/** A new random data key for a card, and its wrapped form under the current master key. */
export function newDataKey(keys: VaultKeys, cardId: string): { dataKey: Buffer; wrapped: WrappedKey } {
  const dataKey = randomBytes(32);
  return { dataKey, wrapped: wrapDataKey(keys.current, dataKey, cardId) };
}

export function wrapDataKey(master: MasterKey, dataKey: Buffer, cardId: string): WrappedKey {
  return { ...seal(master.key, dataKey, dataKeyContext(cardId)), kid: master.id };
}

export function unwrapDataKey(keys: VaultKeys, wrapped: WrappedKey, cardId: string): Buffer {
  const master = keys.byId.get(wrapped.kid);
  if (!master) {
    throw new VaultKeyMissingError(
      `[vault] card ${cardId}'s data key is wrapped under master key "${wrapped.kid}", which VAULT_KEYS does not hold; add it back (after the new key) and run \`npm run vault -- rotate\``,
    );
  }
  return open(master.key, wrapped, dataKeyContext(cardId), `card ${cardId}'s data key`);
}

export function sealEntry(dataKey: Buffer, cardId: string, entryId: string, plaintext: string): Sealed {
  return seal(dataKey, Buffer.from(plaintext, 'utf8'), entryContext(cardId, entryId));
}

export function openEntry(dataKey: Buffer, cardId: string, entryId: string, sealed: Sealed): string {
  return open(dataKey, sealed, entryContext(cardId, entryId), `entry ${entryId} of card ${cardId}`).toString('utf8');
}
