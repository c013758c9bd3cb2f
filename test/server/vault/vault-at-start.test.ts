import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { Env } from '../../../server/config/env-schema';
import { startService } from '../../../server/start-service';
import { checkVaultKeys, vaultKeysFor } from '../../../server/vault/vault-at-start';
import { parseVaultKeys, VaultKeysError } from '../../../server/vault/vault-keys';
import { createVaultStore } from '../../../server/vault/vault-store';
import { freePort } from '../../stack/free-port';
import { deleteKeys, testRedis, uniquePrefix } from '../../helpers/redis';
import { recordedLog } from '../../helpers/recorded-log';
import { testLog } from '../../helpers/silent-log';
import { DEFAULT_RULES_FILE } from '../../rules/default-rules';
import { smallConfig } from '../../rules/small-config';

const keyText = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;
const withVault = smallConfig({ vault: { view: ['clerk'], edit: ['clerk'], share: ['clerk'] } });

describe('the vault keys at start', () => {
  let redis: Redis;
  let prefix: string;
  beforeAll(() => void (redis = testRedis()));
  beforeEach(() => void (prefix = uniquePrefix('vault-start')));
  afterEach(() => deleteKeys(redis, prefix));
  afterAll(() => redis.quit());

  it('needs no keys when the rules keep no vault', () => {
    expect(vaultKeysFor(smallConfig(), undefined)).toBeNull();
  });

  it('stops the service before it connects to anything when the rules keep a vault and VAULT_KEYS is missing', async () => {
    const port = await freePort();
    const env = Env.parse({
      RULES_FILE: DEFAULT_RULES_FILE, TRELLO_KEY: 'k', TRELLO_TOKEN: 't', TRELLO_APP_SECRET: 's', POWERUP_ID: '5e66784c606cb1160a8f5dc0',
      // Nothing listens here: reaching Redis would fail with another message.
      REDIS_URL: `redis://127.0.0.1:${port}`, PUBLIC_URL: `http://127.0.0.1:${port}`,
    });
    await expect(startService({ env, log: testLog() })).rejects.toThrow(
      /^\[vault\] VAULT_KEYS is not usable:\n {2}- missing — VAULT_KEYS=<id>:<key>.*\n {2}- the rules keep station credentials \(their `vault:` section\), which VAULT_KEYS encrypts$/,
    );
  });

  it('refuses keys that do not open what is stored, naming the missing key', async () => {
    const old = keyText('2025');
    await createVaultStore({ redis, prefix, keys: parseVaultKeys(old) }).add('card1', { label: 'x', login: '', secret: 's', url: '', note: '' }, 'm');
    const replaced = vaultKeysFor(withVault, keyText('2026'))!;
    await expect(checkVaultKeys({ keys: replaced, redis, prefix, log: testLog() })).rejects.toThrow(VaultKeysError);
    await expect(checkVaultKeys({ keys: replaced, redis, prefix, log: testLog() })).rejects.toThrow(/master key "2025", which VAULT_KEYS does not hold/);

    const impostor = vaultKeysFor(withVault, `2025:${randomBytes(32).toString('base64')}`)!;
    await expect(checkVaultKeys({ keys: impostor, redis, prefix, log: testLog() })).rejects.toThrow(/does not open the credentials already stored: card card1's data key cannot be decrypted/);
  });

  it('starts with the new key first and the old one after, and logs fingerprints, never keys', async () => {
    const old = keyText('2025');
    await createVaultStore({ redis, prefix, keys: parseVaultKeys(old) }).add('card1', { label: 'x', login: '', secret: 's', url: '', note: '' }, 'm');
    const recorded = recordedLog();
    const both = `${keyText('2026')},${old}`;
    await checkVaultKeys({ keys: vaultKeysFor(withVault, both)!, redis, prefix, log: recorded.log });
    const [line] = recorded.lines.filter((l) => l.msg === 'vault keys loaded');
    expect(line).toMatchObject({ encryptsWith: '2026', keys: [expect.stringMatching(/^2026 \([0-9a-f]{8}\)$/), expect.stringMatching(/^2025 \([0-9a-f]{8}\)$/)] });
    expect(JSON.stringify(recorded.lines)).not.toContain(old.split(':')[1]);
  });
});
