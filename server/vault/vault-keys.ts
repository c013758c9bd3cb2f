import { createHash } from 'node:crypto';

/** One master key: its id (stored beside every data key it wraps) and its 32 bytes. */
export type MasterKey = { id: string; key: Buffer };

/** The master keys from `VAULT_KEYS`: the first wraps new data keys, every one unwraps. */
export type VaultKeys = { current: MasterKey; byId: ReadonlyMap<string, MasterKey> };

export class VaultKeysError extends Error {
  override readonly name = 'VaultKeysError';
  readonly code = 'vault_keys_invalid';
  constructor(readonly problems: string[]) {
    super(`[vault] VAULT_KEYS is not usable:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export const VAULT_KEYS_FORMAT =
  'VAULT_KEYS=<id>:<key>[,<id>:<key>…], each key 32 random bytes in base64 or hex (`openssl rand -base64 32`); the first one encrypts';

const KEY_ID = /^[A-Za-z0-9_.-]{1,40}$/;

/**
 * Reads `VAULT_KEYS`. Every problem is named at once and no key material is ever echoed back: the
 * message says which entry is wrong and why, never what it holds.
 */
export function parseVaultKeys(text: string | undefined): VaultKeys {
  if (!text || text.trim() === '') throw new VaultKeysError([`missing — ${VAULT_KEYS_FORMAT}`]);
  const problems: string[] = [];
  const keys: MasterKey[] = [];
  text
    .split(/[\s,]+/)
    .filter(Boolean)
    .forEach((item, index) => {
      const where = `entry ${index + 1}`;
      const colon = item.indexOf(':');
      if (colon < 1) return void problems.push(`${where}: not <id>:<key>`);
      const id = item.slice(0, colon);
      if (!KEY_ID.test(id)) return void problems.push(`${where}: the id may hold letters, digits, "_", "-", "." (at most 40)`);
      if (keys.some((k) => k.id === id)) return void problems.push(`${where}: the id "${id}" is used twice`);
      const key = decodeKey(item.slice(colon + 1));
      if (!key) return void problems.push(`${where} ("${id}"): the key is not 32 bytes of base64 or hex`);
      keys.push({ id, key });
    });
  const [current] = keys;
  if (problems.length > 0 || !current) throw new VaultKeysError(problems.length > 0 ? problems : [`no key — ${VAULT_KEYS_FORMAT}`]);
  return { current, byId: new Map(keys.map((k) => [k.id, k])) };
}

function decodeKey(text: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) return null;
  const key = Buffer.from(text, text.includes('-') || text.includes('_') ? 'base64url' : 'base64');
  return key.length === 32 ? key : null;
}

/** A short fingerprint of a key for logs ("vault keys: 2026-11 (a1b2c3d4), …"), never the key. */
export function keyFingerprint(key: MasterKey): string {
  return createHash('sha256').update('gatekeeper-vault-fingerprint').update(key.key).digest('hex').slice(0, 8);
}
