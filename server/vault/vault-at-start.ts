import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ProcessConfig } from '../../rules';
import { unwrapDataKey, WrappedKey } from './envelope';
import { keyFingerprint, parseVaultKeys, VaultKeysError, type VaultKeys } from './vault-keys';

/**
 * The master keys, read before anything else starts when the rules keep a vault: missing or
 * malformed, the service does not start, and says so naming VAULT_KEYS. null without a vault.
 */
export function vaultKeysFor(config: ProcessConfig, vaultKeys: string | undefined): VaultKeys | null {
  if (!config.vault) return null;
  try {
    return parseVaultKeys(vaultKeys);
  } catch (err) {
    if (!(err instanceof VaultKeysError)) throw err;
    throw new VaultKeysError([...err.problems, 'the rules keep station credentials (their `vault:` section), which VAULT_KEYS encrypts']);
  }
}

/**
 * Checks the keys against what Redis holds: one stored data key must open. A key that was
 * replaced instead of added after the new one would otherwise show every card's «Доступы» broken.
 */
export async function checkVaultKeys(opts: { keys: VaultKeys; redis: Redis; prefix: string; log: Logger }): Promise<void> {
  const { keys, redis, prefix, log } = opts;
  const cardId = await redis.srandmember(`${prefix}:vault:cards`);
  const stored = cardId ? await redis.hget(`${prefix}:vault:card:${cardId}`, 'key') : null;
  if (cardId && stored) {
    try {
      unwrapDataKey(keys, WrappedKey.parse(JSON.parse(stored)), cardId);
    } catch (err) {
      throw new VaultKeysError([`does not open the credentials already stored: ${(err as Error).message.replace(/^\[vault\] /, '')}`]);
    }
  }
  log.info({ keys: [...keys.byId.values()].map((k) => `${k.id} (${keyFingerprint(k)})`), encryptsWith: keys.current.id }, 'vault keys loaded');
}
