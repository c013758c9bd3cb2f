import { randomBytes } from 'node:crypto';
import { keyFingerprint, parseVaultKeys, VaultKeysError } from '../../../server/vault/vault-keys';

const b64 = () => randomBytes(32).toString('base64');

describe('parseVaultKeys', () => {
  it('reads ids and keys in base64, base64url or hex; the first one encrypts, every one decrypts', () => {
    const hex = randomBytes(32).toString('hex');
    const url = randomBytes(32).toString('base64url');
    const keys = parseVaultKeys(`2026-11:${b64()}, 2026-05:${hex}\n2025.old:${url}`);
    expect(keys.current.id).toBe('2026-11');
    expect([...keys.byId.keys()]).toEqual(['2026-11', '2026-05', '2025.old']);
    expect(keys.byId.get('2026-05')!.key.equals(Buffer.from(hex, 'hex'))).toBe(true);
    expect(keys.byId.get('2025.old')!.key.equals(Buffer.from(url, 'base64url'))).toBe(true);
  });

  it('refuses a missing or empty variable by name', () => {
    for (const text of [undefined, '', '  ']) {
      expect(() => parseVaultKeys(text)).toThrow(VaultKeysError);
      expect(() => parseVaultKeys(text)).toThrow(/VAULT_KEYS is not usable:\n {2}- missing — VAULT_KEYS=<id>:<key>/);
    }
  });

  it('names every bad entry at once and never echoes key material', () => {
    const short = randomBytes(16).toString('base64');
    const good = b64();
    let error: VaultKeysError | undefined;
    try {
      parseVaultKeys(`a:${good},nokey,b:${short},a:${good},bad!:${good}`);
    } catch (err) {
      error = err as VaultKeysError;
    }
    expect(error?.problems).toEqual([
      'entry 2: not <id>:<key>',
      'entry 3 ("b"): the key is not 32 bytes of base64 or hex',
      'entry 4: the id "a" is used twice',
      'entry 5: the id may hold letters, digits, "_", "-", "." (at most 40)',
    ]);
    expect(error?.message).not.toContain(short);
    expect(error?.message).not.toContain(good);
    expect(error?.code).toBe('vault_keys_invalid');
  });

  it('gives a fingerprint for logs that does not reveal the key', () => {
    const keys = parseVaultKeys(`k1:${b64()},k2:${b64()}`);
    const [one, two] = [...keys.byId.values()].map(keyFingerprint);
    expect(one).toMatch(/^[0-9a-f]{8}$/);
    expect(one).not.toBe(two);
  });
});
