import { createWatchedBoards } from '../../../server/store/watched-boards';
import { startE2E, type E2E } from '../../e2e/e2e-kit';
import { apiAs, appendDecision, boardCardReads, seedHistory } from './reports-kit';

/** Another board this deployment watches: its tokens pass the API, but not for this board. */
const OTHER_BOARD = 'b'.repeat(24);
const DAY = 24 * 3600_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

describe('GET /api/boards/:boardId/summary', () => {
  let e2e: E2E;
  const ids = { done: '', late: '' };
  const summary = (member: string, query = '') => apiAs(e2e, member).get(`/boards/${e2e.board.boardId}/summary${query}`);

  beforeAll(async () => {
    e2e = await startE2E('reports-summary');
    await createWatchedBoards({ redis: e2e.redis, prefix: e2e.env.REDIS_PREFIX }).add(OTHER_BOARD);
    ids.done = await e2e.stationCard('Радио Волна', {});
    ids.late = await e2e.stationCard('Радио Маяк', {});
    await e2e.settle();
    // Волна went the whole way in the last two months; Маяк has waited a week in a one-day stage.
    await seedHistory(e2e, ids.done, [
      ['Новая заявка', daysAgo(60)], ['Сбор данных', daysAgo(58)], ['Техническая экспертиза', daysAgo(50)],
      ['Договор и оплата', daysAgo(45)], ['Подключение', daysAgo(30)], ['Выдача доступов', daysAgo(28)],
      ['Регистрация в учёте', daysAgo(27)], ['Активный клиент', daysAgo(20)],
    ]);
    await seedHistory(e2e, ids.late, [['Новая заявка', daysAgo(7)]]);
    const failure = { code: 'field_missing', stage: 'Сбор данных', ru: 'Не заполнено: Название станции', en: 'Missing: Station name', facts: {} };
    await appendDecision(e2e, { actionId: 'refused-1', cardId: ids.late, cardName: 'Радио Маяк', verdict: 'reverted', reason: 'field_missing', failures: [failure], revertedTo: { id: e2e.board.lists['Новая заявка']!, name: 'Новая заявка' } });
    await appendDecision(e2e, { actionId: 'elsewhere-1', boardId: OTHER_BOARD, verdict: 'reverted', reason: 'field_missing', failures: [failure] });
  });
  afterAll(() => e2e.close());

  it('gives the director the pipeline, the overdue cards, the onboardings and the refusals by person', async () => {
    const res = await summary('director');

    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-cache');
    const body = res.body;
    expect(Date.parse(body.period.to) - Date.parse(body.period.from)).toBe(90 * DAY);
    expect(body.timeZone).toBe('Europe/Moscow');
    expect(body.viewer).toEqual({ seesPeople: true, canExport: true });
    const first = body.pipeline.find((s: { stage: string }) => s.stage === 'Новая заявка');
    expect(first.owner).toEqual({ role: 'manager', people: [{ username: 'manager', fullName: expect.any(String) }] });
    expect(first.cards.map((c: { name: string }) => c.name)).toContain('Радио Маяк');
    expect(body.overdue).toContainEqual(expect.objectContaining({ cardId: ids.late, name: 'Радио Маяк', state: 'overdue', responsible: null }));
    expect(body.onboardings.stats.count).toBe(1);
    expect(body.headline.trend).toHaveLength(12);
    // Only this board's refusal counts, and the director sees who was refused.
    expect(body.refusals.total).toBe(1);
    expect(body.refusals.byMember).toEqual([{ person: { username: 'manager', fullName: expect.any(String) }, count: 1 }]);
  });

  it('hides who was refused from a member who is not a report viewer', async () => {
    const res = await summary('manager');
    expect(res.status).toBe(200);
    expect(res.body.viewer).toEqual({ seesPeople: false, canExport: false });
    expect(res.body.refusals).toMatchObject({ total: 1, byMember: null });
  });

  it('reads calendar dates as whole days of the rules\' time zone', async () => {
    const res = await summary('director', '?from=2026-01-01&to=2026-01-31');
    expect(res.status).toBe(200);
    expect(res.body.period).toEqual({ from: '2025-12-31T21:00:00.000Z', to: '2026-01-31T21:00:00.000Z' });
    expect(res.body.onboardings.stats.count).toBe(0);
  });

  it.each([
    ['a date that is no date', '?from=yesterday', /from: a date is YYYY-MM-DD or an ISO instant/],
    ['a day that does not exist', '?from=2026-02-30', /from: a date is/],
    ['a reversed period', '?from=2026-06-01&to=2026-01-01', /starts .* at or after it ends/],
    ['more than three years', '?from=2020-01-01&to=2026-01-01', /longer than three years/],
  ])('refuses %s with 400 and says why', async (_, query, message) => {
    const res = await summary('director', query);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'bad_period', message: expect.stringMatching(message) });
  });

  it('refuses another board than the token was issued on, and someone who is not on the board', async () => {
    const other = await apiAs(e2e, 'director').get(`/boards/${OTHER_BOARD}/summary`);
    expect(other.status).toBe(403);
    expect(other.body).toEqual({ error: 'wrong_board', message: expect.stringContaining(OTHER_BOARD) });

    const stranger = e2e.sim.mintPowerUpJwt({ idMember: 'f'.repeat(24), idBoard: e2e.board.boardId });
    const res = await apiAs(e2e, 'director', stranger).get(`/boards/${e2e.board.boardId}/summary`);
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('not_a_member');
  });

  it("reads the board's cards from Trello once for two summaries within the cache's life", async () => {
    // A new card: its webhook tells the API the board changed, so the next summary reads afresh.
    e2e.sim.ui('manager').createCard('Новая заявка', 'Радио Пульс');
    await e2e.settle();
    e2e.sim.resetLogs();

    const [a, b] = [await summary('director'), await summary('manager')];

    expect([a.status, b.status]).toEqual([200, 200]);
    expect(boardCardReads(e2e)).toBe(1);
  });
});
