import { randomBytes } from 'node:crypto';
import {
  newDataKey, openEntry, sealEntry, unwrapDataKey, VaultIntegrityError, VaultKeyMissingError, wrapDataKey, type Sealed,
} from '../../../server/vault/envelope';
import { parseVaultKeys } from '../../../server/vault/vault-keys';

const keyText = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;

describe('envelope encryption', () => {
  const keys = parseVaultKeys(`${keyText('new')},${keyText('old')}`);

  it('round-trips an entry under a data key wrapped by the current master key', () => {
    const { dataKey, wrapped } = newDataKey(keys, 'card1');
    expect(wrapped.kid).toBe('new');
    const sealed = sealEntry(dataKey, 'card1', 'e1', 'пароль: s3cr3t');
    expect(Buffer.from(sealed.ct, 'base64').toString()).not.toContain('s3cr3t');
    expect(openEntry(unwrapDataKey(keys, wrapped, 'card1'), 'card1', 'e1', sealed)).toBe('пароль: s3cr3t');
  });

  it('uses a fresh nonce for every encryption', () => {
    const { dataKey } = newDataKey(keys, 'card1');
    const a = sealEntry(dataKey, 'card1', 'e1', 'same');
    const b = sealEntry(dataKey, 'card1', 'e1', 'same');
    expect(a.iv).not.toBe(b.iv);
    expect(a.ct).not.toBe(b.ct);
  });

  it('refuses a ciphertext, tag or nonce that was altered', () => {
    const { dataKey } = newDataKey(keys, 'card1');
    const sealed = sealEntry(dataKey, 'card1', 'e1', 'the secret');
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0]! ^= 1;
      return bytes.toString('base64');
    };
    for (const tampered of [{ ...sealed, ct: flip(sealed.ct) }, { ...sealed, tag: flip(sealed.tag) }, { ...sealed, iv: flip(sealed.iv) }] as Sealed[]) {
      expect(() => openEntry(dataKey, 'card1', 'e1', tampered)).toThrow(VaultIntegrityError);
    }
    expect(() => openEntry(dataKey, 'card1', 'e1', { ...sealed, tag: 'AAAA' })).toThrow(/entry e1 of card card1 cannot be decrypted/);
  });

  it('binds an entry to its card and entry id: moved elsewhere, it does not decrypt', () => {
    const { dataKey } = newDataKey(keys, 'card1');
    const sealed = sealEntry(dataKey, 'card1', 'e1', 'the secret');
    expect(() => openEntry(dataKey, 'card2', 'e1', sealed)).toThrow(VaultIntegrityError);
    expect(() => openEntry(dataKey, 'card1', 'e2', sealed)).toThrow(VaultIntegrityError);
  });

  it("binds a data key to its card: another card's wrapped key does not unwrap here", () => {
    const { wrapped } = newDataKey(keys, 'card1');
    expect(() => unwrapDataKey(keys, wrapped, 'card2')).toThrow("card card2's data key cannot be decrypted");
  });

  it('unwraps under an older master key, and names VAULT_KEYS when the key is gone', () => {
    const dataKey = randomBytes(32);
    const wrapped = wrapDataKey(keys.byId.get('old')!, dataKey, 'card1');
    expect(unwrapDataKey(keys, wrapped, 'card1').equals(dataKey)).toBe(true);
    const withoutOld = parseVaultKeys(keyText('new'));
    expect(() => unwrapDataKey(withoutOld, wrapped, 'card1')).toThrow(VaultKeyMissingError);
    expect(() => unwrapDataKey(withoutOld, wrapped, 'card1')).toThrow(/master key "old", which VAULT_KEYS does not hold/);
  });

  it('refuses a master key with the right id but the wrong bytes', () => {
    const wrapped = newDataKey(keys, 'card1').wrapped;
    const impostor = parseVaultKeys(keyText('new'));
    expect(() => unwrapDataKey(impostor, wrapped, 'card1')).toThrow(VaultIntegrityError);
  });
});
