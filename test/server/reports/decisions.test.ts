import { startE2E, type E2E } from '../../e2e/e2e-kit';
import { apiAs, appendDecision } from './reports-kit';

const OTHER_BOARD = 'b'.repeat(24);

describe('GET /api/boards/:boardId/decisions', () => {
  let e2e: E2E;
  const decisions = (member: string, query = '') => apiAs(e2e, member).get(`/boards/${e2e.board.boardId}/decisions${query}`);
  const VERDICTS = ['accepted', 'reverted', 'ignored'] as const;

  beforeAll(async () => {
    e2e = await startE2E('reports-decisions');
    // 130 decisions of this board (n = 0 oldest), every third refused, every fifth by the engineer,
    // and another board's in between that no page may show.
    for (let n = 0; n < 130; n += 1) {
      const to = n % 2 === 0 ? 'Сбор данных' : 'Техническая экспертиза';
      await appendDecision(e2e, {
        actionId: `d-${n}`, cardName: `Станция ${n}`, verdict: VERDICTS[n % 3]!, mover: n % 5 === 0 ? 'engineer' : 'manager',
        to: { id: e2e.board.lists[to]!, name: to },
      });
      if (n % 10 === 0) await appendDecision(e2e, { actionId: `other-${n}`, boardId: OTHER_BOARD, cardName: 'Чужая' });
    }
  });
  afterAll(() => e2e.close());

  /** Every page from the first, following nextCursor. */
  async function allPages(member: string, query: string): Promise<{ names: string[]; pages: number }> {
    const names: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await decisions(member, `?${query}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      names.push(...res.body.decisions.map((d: { cardName: string }) => d.cardName));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    return { names, pages };
  }

  it('pages through the board\'s decisions newest first, 50 by default', async () => {
    const first = await decisions('manager');
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    expect(first.body.decisions).toHaveLength(50);
    expect(first.body.decisions[0]).toEqual({
      id: expect.stringMatching(/^\d+-\d+$/), at: expect.any(String), movedAt: null, cardId: 'c'.repeat(24), cardName: 'Станция 129',
      mover: { username: 'manager', fullName: expect.any(String) }, from: 'Новая заявка', to: 'Техническая экспертиза',
      verdict: 'accepted', reason: 'forward', failures: [], revertedTo: null, dryRun: false, rulesVersion: null,
    });
    expect(first.body.nextCursor).toBe(first.body.decisions[49].id);

    const { names, pages } = await allPages('manager', 'limit=60');
    expect(pages).toBe(3);
    expect(names).toEqual(Array.from({ length: 130 }, (_, i) => `Станция ${129 - i}`));
  });

  it('filters by verdict and stage across pages', async () => {
    const { names } = await allPages('manager', 'verdict=reverted&stage=сбор данных&limit=7');
    const expected = Array.from({ length: 130 }, (_, i) => 129 - i).filter((n) => n % 3 === 1 && n % 2 === 0).map((n) => `Станция ${n}`);
    expect(names).toEqual(expected);
  });

  it('filters by member for a report viewer only', async () => {
    const { names } = await allPages('director', 'member=engineer&limit=10');
    expect(names).toEqual(Array.from({ length: 26 }, (_, i) => `Станция ${125 - 5 * i}`));

    const refused = await decisions('manager', '?member=engineer');
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ error: 'not_a_viewer', message: expect.stringContaining('director') });
  });

  it.each([
    ['limit=0', /^limit: /],
    ['limit=201', /^limit: /],
    ['verdict=maybe', /^verdict: /],
    ['cursor=abc', /^cursor: a cursor is the id of a decision/],
    ['colour=red', /unrecognized key/i],
  ])('refuses ?%s with 400 and says which parameter', async (query, message) => {
    const res = await decisions('manager', `?${query}`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'bad_query', message: expect.stringMatching(message) });
  });
});
