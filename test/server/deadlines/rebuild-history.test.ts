import { queueHistoryRebuilds, rebuiltKey, runHistoryRebuild } from '../../../server/deadlines/history-rebuilds';
import { createTrelloClient } from '../../../server/trello/create-trello-client';
import { testLog } from '../../helpers/silent-log';
import { loadDefaultRules, STAGE } from '../../rules/default-rules';
import { DEFAULT_DEMO_LISTS, startTrelloSimulator, type DemoBoard, type TrelloSimulator } from '../../simulator';
import { startDeadlineKit, type DeadlineKit } from './deadline-kit';

const config = loadDefaultRules();
const CARDS = 30;
// A tenth of Trello's window, so that the limiter has to hold requests back within the test's time.
const SIM_LIMITS = { windowMs: 1_000, perKey: 30, perToken: 10 };
const CLIENT_LIMITS = { windowMs: 1_000, perKey: 27, perToken: 9 };

let kit: DeadlineKit;
let sim: TrelloSimulator;
let board: DemoBoard;
beforeEach(async () => {
  kit = await startDeadlineKit('deadline-rebuild');
  sim = await startTrelloSimulator({ appSecret: 'rebuild-secret', rateLimit: SIM_LIMITS });
  board = sim.seedDemoBoard([...DEFAULT_DEMO_LISTS, 'Идеи на потом']);
});
afterEach(async () => {
  await sim.close();
  await kit.close();
});

function rebuildDeps() {
  const log = testLog();
  const trello = createTrelloClient({
    baseUrl: sim.url, key: board.key, token: board.members.gatekeeper.token, redis: kit.redis, keyPrefix: kit.prefix, log, limits: CLIENT_LIMITS,
  });
  return { config, trello, history: kit.history, deadlines: kit.scheduler(config), redis: kit.redis, prefix: kit.prefix, log };
}

/** Cards that were on the board before the service: created, some moved on, none judged. */
function cardsFromBeforeTheService(): string[] {
  return Array.from({ length: CARDS }, (_, n) => {
    const id = sim.ui('manager').createCard(STAGE.request, `Станция ${n}`);
    if (n % 2 === 1) sim.ui('director').moveCard(id, STAGE.connection);
    return id;
  });
}

describe('rebuilding the stage history of a board from Trello', () => {
  it("gives each card its current visit from its latest arrival, and schedules that visit's deadlines", async () => {
    const ids = cardsFromBeforeTheService();

    const result = await runHistoryRebuild({ boardId: board.boardId }, rebuildDeps());

    expect(result).toEqual({ cards: CARDS, rebuilt: CARDS });
    const moved = sim.actions({ cardId: ids[1]!, type: 'updateCard' })[0]!;
    expect(await kit.history.all(ids[1]!)).toEqual([
      { stage: STAGE.connection, listId: board.lists[STAGE.connection], enteredAt: moved.date, leftAt: null, actionId: moved.id },
    ]);
    const created = sim.actions({ cardId: ids[0]!, type: 'createCard' })[0]!;
    expect(await kit.history.current(ids[0]!)).toMatchObject({ stage: STAGE.request, enteredAt: created.date, actionId: created.id });
    // «Новая заявка»: a deadline each; «Подключение» escalates too.
    expect(await kit.queue.getJobCountByTypes('delayed', 'waiting')).toBe(CARDS / 2 + CARDS);
    expect(await kit.redis.get(rebuiltKey(kit.prefix, board.boardId))).not.toBeNull();
  });

  it('stays under the rate limit: one request per card, held back by the limiter, never a 429', async () => {
    cardsFromBeforeTheService();
    const started = Date.now();

    await runHistoryRebuild({ boardId: board.boardId }, rebuildDeps());

    const statuses = sim.requests.map((r) => r.status);
    expect(statuses).toHaveLength(2 + CARDS);
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    // 32 requests at 9 a second cannot all go in the first three windows.
    expect(Date.now() - started).toBeGreaterThan(3 * SIM_LIMITS.windowMs);
  }, 20_000);

  it('leaves alone cards with a history, cards outside the process, and keeps suspension apart', async () => {
    const known = sim.ui('manager').createCard(STAGE.request, 'Уже известная');
    await kit.history.enter(known, { stage: STAGE.request, listId: board.lists[STAGE.request]!, at: new Date().toISOString(), actionId: 'live' });
    sim.ui('manager').createCard('Идеи на потом', 'Не в процессе');
    const suspended = sim.ui('accountant').createCard(STAGE.suspended, 'Должник');

    expect(await runHistoryRebuild({ boardId: board.boardId }, rebuildDeps())).toEqual({ cards: 3, rebuilt: 1 });
    expect(await kit.history.all(known)).toMatchObject([{ actionId: 'live' }]);
    expect(await kit.history.current(suspended)).toMatchObject({ stage: STAGE.suspended, kind: 'suspension' });
    expect(sim.requests.filter((r) => r.path.endsWith('/actions'))).toHaveLength(1);
  });
});

describe('queueing the rebuilds at start-up', () => {
  const callbackUrl = 'https://gatekeeper.example/webhooks/trello';
  const hook = (idModel: string, callbackURL = callbackUrl) => ({ id: `hook-${idModel}`, description: '', idModel, callbackURL, active: true });
  const trello = { listWebhooks: async () => [hook('b1'), hook('b2'), hook('b3', 'https://other.example/hook'), hook('b1')] };

  it("queues one job per board with the service's webhook, and none for a board already rebuilt", async () => {
    await kit.redis.set(rebuiltKey(kit.prefix, 'b2'), '2026-11-20T10:00:00.000Z');

    const boards = await queueHistoryRebuilds({ trello, queue: kit.queue, redis: kit.redis, prefix: kit.prefix, callbackUrl });
    await queueHistoryRebuilds({ trello, queue: kit.queue, redis: kit.redis, prefix: kit.prefix, callbackUrl });

    expect(boards).toEqual(['b1']);
    expect((await kit.queue.getJobs(['waiting'])).map((job) => job.id)).toEqual(['rebuild-b1']);
  });
});
