/// <reference path="../../../powerup/types/trello-powerup-patch.d.ts" />
import type { HostHandlers } from 'trellopowerup/lib/hosthandlers';
import { createBoardSources } from '../../../powerup/data/board-sources';
import type { BoardStatus, CardStatus } from '../../../powerup/model/api-contract';
import { loadDefaultRules } from '../../rules/default-rules';

const CARDS = Array.from({ length: 200 }, (_, i) => `card${i}`);
const status = (listId: string): CardStatus => ({ listId, checklists: [], stage: 'Новая заявка', enteredAt: null, time: null });
const facts = (idList = 'L1') => ({ idList, checkItems: 0, checkItemsChecked: 0 });

/** A Trello client stand-in: only what the sources use. */
function trelloFor(card: string, jwtCalls: { count: number }): HostHandlers {
  const t = {
    getContext: () => ({ board: 'B1', card }),
    jwt: async () => {
      jwtCalls.count += 1;
      return 'header.payload.signature';
    },
  };
  return t as unknown as HostHandlers;
}

function setUp() {
  let clock = 0;
  const requests: { path: string; auth: string | null }[] = [];
  const jwtCalls = { count: 0 };
  const board: BoardStatus = { generatedAt: 'x', cards: Object.fromEntries(CARDS.map((id) => [id, status('L1')])), movers: {} };
  const failing = { next: false };
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    requests.push({ path: url.pathname, auth: new Headers(init?.headers).get('authorization') });
    if (failing.next) {
      failing.next = false;
      return new Response(JSON.stringify({ error: 'unavailable', message: 'Trello is slow' }), { status: 503 });
    }
    const body = url.pathname.endsWith('/rules') ? { config: loadDefaultRules(), version: '1' } : board;
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const sources = createBoardSources({ pageUrl: 'https://gk.example/powerup/connector.html', fetch, now: () => clock });
  return { sources, requests, jwtCalls, board, failing, tick: (ms: number) => (clock += ms) };
}

describe('what the badges of a 200-card board cost', () => {
  it('is one rules request, one status request and one JWT, however many cards ask at once', async () => {
    const { sources, requests, jwtCalls } = setUp();
    await Promise.all(
      CARDS.map(async (card) => {
        const t = trelloFor(card, jwtCalls);
        await sources.config(t);
        return sources.cardStatus(t, card, facts());
      }),
    );
    expect(requests.map((r) => r.path).sort()).toEqual(['/api/boards/B1/cards/status', '/api/rules']);
    expect(requests.every((r) => r.auth === 'Bearer header.payload.signature')).toBe(true);
    expect(jwtCalls.count).toBe(1);
  });

  it('refetches the status when Trello says a card moved, at most once per 5 s', async () => {
    const { sources, requests, jwtCalls, board, tick } = setUp();
    const t = trelloFor('card7', jwtCalls);
    await sources.cardStatus(t, 'card7', facts());
    board.cards.card7 = status('L2');
    tick(1_000);
    expect((await sources.cardStatus(t, 'card7', facts('L2')))?.listId).toBe('L1');
    tick(5_000);
    expect((await sources.cardStatus(t, 'card7', facts('L2')))?.listId).toBe('L2');
    expect(requests.filter((r) => r.path.endsWith('/status'))).toHaveLength(2);
  });

  it('asks again after 30 s', async () => {
    const { sources, requests, jwtCalls, tick } = setUp();
    const t = trelloFor('card1', jwtCalls);
    await sources.cardStatus(t, 'card1', facts());
    tick(29_000);
    await sources.cardStatus(t, 'card1', facts());
    tick(2_000);
    await sources.cardStatus(t, 'card1', facts());
    expect(requests.filter((r) => r.path.endsWith('/status'))).toHaveLength(2);
  });

  it('forgets a failed request, so the next card asks again instead of repeating its error', async () => {
    const { sources, requests, jwtCalls, failing } = setUp();
    const t = trelloFor('card1', jwtCalls);
    failing.next = true;
    await expect(sources.cardStatus(t, 'card1', facts())).rejects.toThrow('[api] GET boards/B1/cards/status answered 503: Trello is slow');
    expect(await sources.cardStatus(t, 'card1', facts())).toEqual(status('L1'));
    expect(requests.filter((r) => r.path.endsWith('/status'))).toHaveLength(2);
  });
});
