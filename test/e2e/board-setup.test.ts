import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { runSetup } from '../../server/cli/setup';
import { createWatchedBoards } from '../../server/store/watched-boards';
import { deleteKeys, TEST_REDIS_URL, testRedis, uniquePrefix } from '../helpers/redis';
import { testLog } from '../helpers/silent-log';
import { DEFAULT_DEMO_LISTS, startTrelloSimulator } from '../simulator';
import type { DemoBoard, TrelloSimulator } from '../simulator/types';

const APP_SECRET = 'setup-app-secret-0123456789abcdef';
const LACKING = ['Сбор данных', 'Подключение'];

/**
 * `npm run setup` (server/cli/setup.ts's runSetup, as the CLI runs it) against the Trello simulator:
 * a board that lacks two stage lists gets them where they belong, a second run has nothing to do,
 * and a role's member who is not on the board makes it exit 1 and say so.
 */
describe('npm run setup on the Trello simulator', () => {
  let sim: TrelloSimulator;
  let board: DemoBoard;
  let redis: Redis;
  let callbackServer: http.Server;
  let publicUrl = '';
  let tmp = '';
  const prefix = uniquePrefix('board-setup');

  beforeAll(async () => {
    sim = await startTrelloSimulator({ appSecret: APP_SECRET, deliveryRetryDelaysMs: [50] });
    board = sim.seedDemoBoard(DEFAULT_DEMO_LISTS.filter((name) => !LACKING.includes(name)));
    redis = testRedis();
    // Stands in for the service at PUBLIC_URL: Trello HEADs the callback before it registers a webhook.
    callbackServer = http.createServer((req, res) => {
      req.resume();
      res.writeHead(200).end();
    });
    await new Promise<void>((resolve) => callbackServer.listen(0, '127.0.0.1', resolve));
    publicUrl = `http://127.0.0.1:${(callbackServer.address() as AddressInfo).port}`;
    tmp = await mkdtemp(path.join(tmpdir(), 'gatekeeper-setup-'));
  });

  afterAll(async () => {
    await sim.close();
    await new Promise((resolve) => callbackServer.close(resolve));
    await deleteKeys(redis, prefix);
    await redis.quit();
    await rm(tmp, { recursive: true, force: true });
  });

  const env = (extra: Record<string, string> = {}) => ({
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: prefix,
    TRELLO_API_URL: sim.url,
    TRELLO_KEY: board.key,
    TRELLO_TOKEN: board.members.gatekeeper.token,
    TRELLO_APP_SECRET: APP_SECRET,
    PUBLIC_URL: publicUrl,
    POWERUP_ID: board.powerUpId,
    RULES_FILE: 'rules/radio-onboarding.yaml',
    ...extra,
  });

  async function setup(args: string[], extraEnv?: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await runSetup(args, { env: env(extraEnv), out: (text) => (out += text), err: (text) => (err += text), log: testLog() });
    return { code, out, err };
  }

  async function boardLists(): Promise<string[]> {
    const query = new URLSearchParams({ key: board.key, token: board.members.gatekeeper.token, fields: 'name,pos' });
    const response = await fetch(`${sim.url}/1/boards/${board.boardId}/lists?${query}`);
    const lists = (await response.json()) as { name: string; pos: number }[];
    return lists.sort((a, b) => a.pos - b.pos).map((list) => list.name);
  }

  const writes = () => sim.requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD');

  it('prints its usage for a wrong command line', async () => {
    const { code, err } = await setup(['not-a-board']);
    expect(code).toBe(2);
    expect(err).toMatch(/usage: npm run setup -- <boardId> \[--apply\]/);
  });

  it('without --apply says what it would do and changes nothing', async () => {
    sim.resetLogs();
    const { code, out } = await setup([board.boardId]);

    expect(code).toBe(0);
    expect(out).toContain('set-up plan (dry run: nothing was changed)');
    expect(out).toContain('would create «Сбор данных» after «Новая заявка»');
    expect(out).toContain('would create «Подключение» after «Договор и оплата»');
    expect(out).toContain(`would register a webhook → ${publicUrl}/webhooks/trello`);
    expect(out).toContain('ok: the 4 people the roles name are members of the board');
    expect(out).toContain(`warning: no card has station data from POWERUP_ID (${board.powerUpId}) yet — is the Power-Up enabled on the board?`);
    expect(out).toMatch(/result: 3 changes to make — run again with --apply to make them\n$/);
    expect(writes()).toEqual([]);
    expect(sim.webhooks()).toEqual([]);
    expect(await boardLists()).toEqual(DEFAULT_DEMO_LISTS.filter((name) => !LACKING.includes(name)));
  });

  it('with --apply creates the two lists in process order and registers the webhook', async () => {
    const { code, out } = await setup([board.boardId, '--apply']);

    expect(code).toBe(0);
    expect(out).toContain('set-up applied');
    expect(out).toMatch(/created «Сбор данных» after «Новая заявка» \(id [0-9a-f]{24}, pos 24576\)/);
    expect(out).toMatch(/created «Подключение» after «Договор и оплата» \(id [0-9a-f]{24}, pos 57344\)/);
    expect(out).toMatch(/registered webhook [0-9a-f]{24} → /);
    expect(out).toMatch(/result: done — 3 changes made\n$/);
    expect(await boardLists()).toEqual(DEFAULT_DEMO_LISTS);
    expect(sim.actions({ type: 'createList' }).map((a) => (a.data['list'] as { name: string }).name)).toEqual(LACKING);
    expect(sim.webhooks()).toEqual([
      expect.objectContaining({ idModel: board.boardId, callbackURL: `${publicUrl}/webhooks/trello`, active: true }),
    ]);
    // The health check re-registers the webhook of a watched board if Trello drops it.
    expect(await createWatchedBoards({ redis, prefix }).all()).toEqual([board.boardId]);
  });

  it('run again, has nothing to do and changes nothing', async () => {
    const cardId = sim.ui('manager').createCard('Новая заявка', 'Радио Ромашка');
    sim.ui('manager').setPluginData(cardId, { station: { name: 'Радио Ромашка' } });
    await sim.idle();
    sim.resetLogs();

    const { code, out } = await setup([board.boardId, '--apply']);

    expect(code).toBe(0);
    expect(out).toContain('ok: the 9 stage lists are on the board');
    expect(out).toMatch(/ok: webhook [0-9a-f]{24} → .* is registered and active/);
    expect(out).toContain(`ok: 1 of 1 open card carries station data from POWERUP_ID (${board.powerUpId})`);
    expect(out).toMatch(/result: nothing to do\n$/);
    expect(writes()).toEqual([]);
    expect(await boardLists()).toEqual(DEFAULT_DEMO_LISTS);
  });

  it("exits 1 and names the role's member who is not on the board", async () => {
    const rulesFile = path.join(tmp, 'rules.yaml');
    const text = await readFile('rules/radio-onboarding.yaml', 'utf8');
    await writeFile(rulesFile, text.replace('members: [director] }', 'members: [director, auditor] }'));

    const { code, out } = await setup([board.boardId], { RULES_FILE: rulesFile });

    expect(code).toBe(1);
    expect(out).toContain('NEEDS A PERSON: @auditor (director) is not a member of the board');
    expect(out).toMatch(/result: nothing to do\nNEEDS A PERSON: 1 member to invite \(see above\); the board is not fully set up until then\n$/);
  });
});
