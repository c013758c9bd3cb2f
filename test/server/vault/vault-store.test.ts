import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { VaultIntegrityError, VaultKeyMissingError } from '../../../server/vault/envelope';
import { parseVaultKeys } from '../../../server/vault/vault-keys';
import { createVaultStore } from '../../../server/vault/vault-store';
import { deleteKeys, testRedis, uniquePrefix } from '../../helpers/redis';

const keyText = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;

const ICECAST = { label: 'Icecast source', login: 'source', secret: 'hackme-42-Икс', url: 'icecast://stream.example.ru:8000/live', note: 'ротация раз в квартал' };

describe('vault store', () => {
  let redis: Redis;
  let prefix: string;
  const keyA = keyText('a');
  const keyB = keyText('b');

  beforeAll(() => void (redis = testRedis()));
  beforeEach(() => void (prefix = uniquePrefix('vault')));
  afterEach(() => deleteKeys(redis, prefix));
  afterAll(() => redis.quit());

  const storeWith = (keys: string) => createVaultStore({ redis, prefix, keys: parseVaultKeys(keys) });

  it('adds, lists, reads, edits and deletes entries per card', async () => {
    const vault = storeWith(keyA);
    const first = await vault.add('card1', ICECAST, 'member-eng');
    const second = await vault.add('card1', { label: 'Панель статистики', secret: 'pa$$', login: '', url: '', note: '' }, 'member-eng');
    expect(await vault.list('card1')).toEqual([first, second]);
    expect(await vault.list('card2')).toEqual([]);
    expect(await vault.count('card1')).toBe(2);

    const edited = await vault.update('card1', first.id, { ...ICECAST, secret: 'new-secret' }, 'member-dir');
    expect(edited).toMatchObject({ id: first.id, secret: 'new-secret', createdBy: 'member-eng', updatedBy: 'member-dir' });
    expect(await vault.get('card1', first.id)).toEqual(edited);

    const renamed = await vault.update('card1', first.id, { label: 'Icecast', login: 'source', url: '', note: '' }, 'member-eng');
    expect(renamed).toMatchObject({ label: 'Icecast', secret: 'new-secret' });

    expect(await vault.remove('card1', first.id)).toBe(true);
    expect(await vault.remove('card1', first.id)).toBe(false);
    expect(await vault.update('card1', first.id, ICECAST, 'member-dir')).toBeNull();
    expect((await vault.list('card1')).map((e) => e.label)).toEqual(['Панель статистики']);
  });

  it('stores nothing a person typed in the clear', async () => {
    const vault = storeWith(keyA);
    await vault.add('card1', ICECAST, 'member-eng');
    const dump = JSON.stringify(await redis.hgetall(`${prefix}:vault:card:card1`));
    for (const typed of [ICECAST.secret, ICECAST.login, ICECAST.label, 'stream.example.ru', 'ротация', 'Icecast']) expect(dump).not.toContain(typed);
  });

  it('refuses an entry copied into another card', async () => {
    const vault = storeWith(keyA);
    const entry = await vault.add('card1', ICECAST, 'member-eng');
    await vault.add('card2', { ...ICECAST, secret: 'other' }, 'member-eng');
    const row = await redis.hget(`${prefix}:vault:card:card1`, `entry:${entry.id}`);
    await redis.hset(`${prefix}:vault:card:card2`, `entry:${entry.id}`, row!);
    await expect(vault.get('card2', entry.id)).rejects.toThrow(VaultIntegrityError);
  });

  it('keeps one data key when two first entries of a card are added at once', async () => {
    const vault = storeWith(keyA);
    const added = await Promise.all(Array.from({ length: 5 }, (_, i) => vault.add('card1', { ...ICECAST, secret: `s${i}` }, 'm')));
    expect((await vault.list('card1')).map((e) => e.secret).sort()).toEqual(added.map((e) => e.secret).sort());
  });

  it('rotates every data key to the newest master key, then needs only that key', async () => {
    const before = storeWith(keyA);
    await before.add('card1', ICECAST, 'm');
    await before.add('card2', ICECAST, 'm');
    await before.add('card3', ICECAST, 'm');

    const both = storeWith(`${keyB},${keyA}`);
    await both.add('card4', ICECAST, 'm'); // born under the new key
    expect(await both.rotate()).toEqual({ cards: 4, rewrapped: 3, alreadyCurrent: 1 });
    expect(await both.rotate()).toEqual({ cards: 4, rewrapped: 0, alreadyCurrent: 4 });

    const onlyNew = storeWith(keyB);
    for (const card of ['card1', 'card2', 'card3', 'card4']) expect((await onlyNew.list(card))[0]!.secret).toBe(ICECAST.secret);
  });

  it('says which master key is missing instead of showing an empty vault', async () => {
    await storeWith(keyA).add('card1', ICECAST, 'm');
    const other = storeWith(keyB);
    expect(await other.hasData()).toBe(true);
    await expect(other.list('card1')).rejects.toThrow(VaultKeyMissingError);
    await expect(other.list('card1')).rejects.toThrow(/master key "a", which VAULT_KEYS does not hold/);
  });
});
