import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { startTrelloSimulator } from '../simulator';
import type { TrelloSimulator } from '../simulator/types';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../helpers/redis';
import { until } from '../helpers/until';
import { TEST_VAULT_KEYS } from '../helpers/vault-keys';
import { freePort } from '../stack/free-port';

const root = join(__dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');

function runMain(env: Record<string, string>) {
  const child = spawn(tsx, ['server/main.ts'], { cwd: root, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = once(child, 'exit').then(([code]) => code as number);
  return { child, exited, output: () => output };
}

describe('the service process', () => {
  let sim: TrelloSimulator;
  beforeAll(async () => {
    sim = await startTrelloSimulator({ appSecret: 'main-secret' });
  });
  afterAll(() => sim.close());

  it('refuses to start on a bad environment, naming every variable at fault', async () => {
    const run = runMain({ PORT: 'eighty', POWERUP_ID: 'nope' });
    expect(await run.exited).toBe(1);
    for (const name of ['PORT', 'POWERUP_ID', 'TRELLO_KEY', 'TRELLO_TOKEN', 'TRELLO_APP_SECRET', 'PUBLIC_URL']) {
      expect(run.output()).toContain(`${name}:`);
    }
  });

  it('starts, becomes ready, and on SIGTERM stops cleanly with exit 0', async () => {
    const board = sim.seedDemoBoard();
    const port = await freePort();
    const prefix = uniquePrefix('main');
    const run = runMain({
      PORT: String(port), REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, TRELLO_API_URL: sim.url,
      TRELLO_KEY: board.key, TRELLO_TOKEN: board.members.gatekeeper.token, TRELLO_APP_SECRET: 'main-secret',
      PUBLIC_URL: `http://127.0.0.1:${port}`, POWERUP_ID: board.powerUpId, EVENT_PARTITIONS: '2', ACCEPT_REDIS_DATA_LOSS: 'true',
      VAULT_KEYS: TEST_VAULT_KEYS,
    });
    try {
      await until('/readyz answers 200', () => fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false), 15_000);
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(run.output()).toMatch(/"msg":"stopping: no new webhooks, finishing running jobs"/);
      expect(run.output()).toMatch(/"msg":"stopped"/);
    } finally {
      run.child.kill('SIGKILL');
      const redis = new Redis(TEST_REDIS_URL);
      await deleteKeys(redis, prefix);
      await redis.quit();
    }
  });
});
