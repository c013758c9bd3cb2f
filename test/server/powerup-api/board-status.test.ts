import request from 'supertest';
import { createWatchedBoards } from '../../../server/store/watched-boards';
import { startE2E, type E2E } from '../../e2e/e2e-kit';
import { stationUpTo } from '../../stack/station-data';

describe('GET /api/boards/:boardId/cards/status', () => {
  let e2e: E2E;
  const ids: Record<'seen' | 'unknown' | 'movedUnseen', string> = { seen: '', unknown: '', movedUnseen: '' };
  const stagesKey = (cardId: string) => `${e2e.env.REDIS_PREFIX}:card:${cardId}:stages`;

  beforeAll(async () => {
    e2e = await startE2E('powerup-status');
    // All cards first: the board's cards are cached for 20 s after the first status request.
    ids.seen = await e2e.stationCard('Радио Клевер', stationUpTo('basics'));
    e2e.sim.ui('manager').addChecklist(ids.seen, 'Документы', ['Устав', 'ИНН']);
    e2e.sim.ui('manager').checkItem(ids.seen, 'Документы', 'ИНН');
    ids.unknown = await e2e.stationCard('Радио Мята', {});
    ids.movedUnseen = await e2e.stationCard('Радио Липа', {});
    await e2e.settle();
    // As if the service were installed after the first card was made, and missed the second one's move.
    await e2e.redis.del(stagesKey(ids.unknown));
    const [visit] = await e2e.redis.lrange(stagesKey(ids.movedUnseen), 0, 0);
    await e2e.redis.lset(stagesKey(ids.movedUnseen), 0, JSON.stringify({ ...JSON.parse(visit!), listId: e2e.board.lists['Сбор данных'] }));
  });
  afterAll(() => e2e.close());

  const status = (boardId: string, token: string) =>
    request(e2e.service.url).get(`/api/boards/${boardId}/cards/status`).set('Authorization', `Bearer ${token}`);
  const boardCardCalls = (boardId: string) =>
    e2e.serviceRequests('GET').filter((r) => r.path === `/1/boards/${boardId}/cards`).length;

  it('gives a card the service saw enter its stage its list, checklists, stage, entry time and time against the limit', async () => {
    const [visit] = (await e2e.redis.lrange(stagesKey(ids.seen), 0, 0)).map((v) => JSON.parse(v) as { enteredAt: string });
    const res = await status(e2e.board.boardId, e2e.powerUpJwt('manager'));

    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-cache');
    expect(Date.now() - Date.parse(res.body.generatedAt)).toBeLessThan(5_000);
    expect(res.body.cards[ids.seen]).toEqual({
      listId: e2e.board.lists['Новая заявка'],
      checklists: [{ name: 'Документы', items: [{ name: 'Устав', complete: false }, { name: 'ИНН', complete: true }] }],
      stage: 'Новая заявка',
      enteredAt: visit!.enteredAt,
      // Entered a stage of one working day a moment ago.
      time: { elapsedDays: expect.any(Number), limitDays: 1, state: 'ok' },
    });
    expect(res.body.cards[ids.seen].time.elapsedDays).toBeLessThan(0.01);
  });

  it('says, for the member asking, who may move cards into the stages only some roles may enter', async () => {
    const director = e2e.board.members.director.fullName;
    const forManager = await status(e2e.board.boardId, e2e.powerUpJwt('manager'));
    expect(forManager.body.movers).toEqual({
      'Подключение': { allowed: false, people: [director] },
      'Приостановлен (задолженность)': { allowed: false, people: [e2e.board.members.accountant.fullName, director] },
    });
    const forDirector = await status(e2e.board.boardId, e2e.powerUpJwt('director'));
    expect(forDirector.body.movers['Подключение']).toEqual({ allowed: true, people: [director] });
  });

  it('gives no stage or time for a card without a record, or whose record is of another list', async () => {
    const res = await status(e2e.board.boardId, e2e.powerUpJwt('engineer'));
    for (const id of [ids.unknown, ids.movedUnseen]) {
      expect(res.body.cards[id]).toEqual({ listId: e2e.board.lists['Новая заявка'], checklists: [], stage: null, enteredAt: null, time: null });
    }
  });

  it.each(['abc', 'B'.repeat(24), `${'b'.repeat(24)}0`])('answers 400 for the board id %p without asking Trello', async (boardId) => {
    e2e.sim.resetLogs();
    const res = await status(boardId, e2e.powerUpJwt('manager'));
    expect([res.status, res.body]).toEqual([400, { error: 'bad_board_id', message: 'a board id is 24 hexadecimal digits, as Trello makes them' }]);
    expect(e2e.serviceRequests()).toEqual([]);
  });

  it('costs one Trello call for a board of 200 cards, however many badges ask at once', async () => {
    // Seeded last: from here on the simulator's UI creates cards on this newer board (it has no
    // webhook, so it is recorded as watched by hand).
    const big = e2e.sim.seedDemoBoard();
    await createWatchedBoards({ redis: e2e.redis, prefix: e2e.env.REDIS_PREFIX }).add(big.boardId);
    for (let n = 0; n < 200; n += 1) e2e.sim.ui('manager').createCard('Новая заявка', `Станция ${n}`);
    const token = e2e.sim.mintPowerUpJwt({ idMember: big.members.manager.id, idBoard: big.boardId });

    const answers = await Promise.all(Array.from({ length: 20 }, () => status(big.boardId, token)));

    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(Object.keys(answers[0]!.body.cards)).toHaveLength(200);
    expect(boardCardCalls(big.boardId)).toBe(1);
    await status(big.boardId, token);
    expect(boardCardCalls(big.boardId)).toBe(1);
  });
});
