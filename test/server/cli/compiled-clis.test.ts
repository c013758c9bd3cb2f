import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseVaultKeys } from '../../../server/vault/vault-keys';
import { createVaultStore } from '../../../server/vault/vault-store';
import { deleteKeys, TEST_REDIS_URL, testRedis, uniquePrefix } from '../../helpers/redis';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../../..');

/**
 * The Docker image has no tsx (a dev dependency), so its operators run the CLIs compiled by
 * `npm run build`. This compiles them as the image does and runs them with plain node.
 */
describe('the CLIs compiled by tsconfig.build.json', () => {
  let outDir = '';

  beforeAll(async () => {
    // Inside the repo (test-results/ is ignored) so the compiled code finds node_modules as dist/ would.
    await mkdir(path.join(root, 'test-results'), { recursive: true });
    outDir = await mkdtemp(path.join(root, 'test-results', 'cli-build-'));
    await run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir], { cwd: root });
  }, 180_000);

  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  // By default an empty environment: what an operator gets before setting anything.
  const runCli = async (name: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> => {
    const script = path.join(outDir, 'server', 'cli', `${name}.js`);
    await stat(script);
    return run(process.execPath, [script, ...args], { cwd: root, env, timeout: 15_000 }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }),
    );
  };

  it('register-webhook without a board id prints its usage and fails', async () => {
    const { code, stderr } = await runCli('register-webhook', []);
    expect(code).toBe(1);
    expect(stderr).toMatch(/usage: .*<boardId>/);
  });

  it('register-webhook with a board id but no environment names the missing variables', async () => {
    const { code, stderr } = await runCli('register-webhook', ['0123456789abcdef01234567']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/invalid environment/);
    expect(stderr).toMatch(/TRELLO_KEY: missing/);
  });

  it('rules lists the saved versions from Redis with plain node', async () => {
    const prefix = uniquePrefix('compiled-rules');
    expect(await runCli('rules', ['versions'], { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix })).toEqual({
      code: 0, stdout: 'no rules versions yet: the service seeds version 1 from RULES_FILE at start\n', stderr: '',
    });
  });

  it('reconcile with no environment names the missing variables', async () => {
    const { code, stderr } = await runCli('reconcile', []);
    expect(code).toBe(1);
    expect(stderr).toMatch(/TRELLO_TOKEN: missing/);
  });

  it('setup prints its usage for a wrong command line, and names the missing variables without the environment', async () => {
    expect(await runCli('setup', [])).toMatchObject({ code: 2, stderr: expect.stringMatching(/usage: npm run setup -- <boardId> \[--apply\]/) });
    const { code, stderr } = await runCli('setup', ['0123456789abcdef01234567', '--apply']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/TRELLO_KEY: missing/);
  });

  it('vault prints its usage, makes a new key line, and rotates every card onto the first key', async () => {
    expect(await runCli('vault', [])).toMatchObject({ code: 2, stderr: expect.stringMatching(/usage: npm run vault -- <command>/) });
    const made = await runCli('vault', ['new-key', '2026-12']);
    expect(made.stdout).toMatch(/^2026-12:[A-Za-z0-9+/]{43}=\n$/);
    const older = (await runCli('vault', ['new-key', '2026-01'])).stdout.trim();

    const redis = testRedis();
    const prefix = uniquePrefix('vault-cli');
    try {
      const before = createVaultStore({ redis, prefix, keys: parseVaultKeys(older) });
      await before.add('card1', { label: 'Icecast', login: '', secret: 's3', url: '', note: '' }, 'm');
      const env = {
        REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, VAULT_KEYS: `${made.stdout.trim()},${older}`,
        TRELLO_KEY: 'k', TRELLO_TOKEN: 't', TRELLO_APP_SECRET: 's', PUBLIC_URL: 'http://127.0.0.1:1', POWERUP_ID: '5e66784c606cb1160a8f5dc0',
      };
      const rotated = await runCli('vault', ['rotate'], env);
      expect(rotated.stdout).toBe('1 cards with credentials: 1 data keys re-wrapped under "2026-12", 0 already under it\nevery card now opens with "2026-12" alone; the older keys may leave VAULT_KEYS\n');
      const after = createVaultStore({ redis, prefix, keys: parseVaultKeys(made.stdout.trim()) });
      expect((await after.list('card1'))[0]?.secret).toBe('s3');
    } finally {
      await deleteKeys(redis, prefix);
      await redis.quit();
    }
  });
});
