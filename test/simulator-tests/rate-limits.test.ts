import request from 'supertest';
import { startTrelloSimulator, type DemoBoard, type TrelloSimulator } from '../simulator';
import { manualClock, type ManualClock } from '../helpers/manual-clock';
import { simClient } from './support/sim-client';

const WINDOW_MS = 10_000;

describe('rate limits', () => {
  let sim: TrelloSimulator;
  let demo: DemoBoard;
  // The windows are driven by the test's clock, not by sleeping.
  let clock: ManualClock;

  beforeEach(async () => {
    clock = manualClock();
    sim = await startTrelloSimulator({ appSecret: 'secret', rateLimit: { windowMs: WINDOW_MS, perKey: 5, perToken: 3 }, now: clock.now });
    demo = sim.seedDemoBoard();
  });

  afterEach(() => sim.close());

  it('reports the window, the maximum and what remains on every response', async () => {
    const res = await simClient(sim, demo.members.gatekeeper.token).get('/members/me');
    expect(res.headers).toMatchObject({
      'x-rate-limit-api-key-interval-ms': String(WINDOW_MS),
      'x-rate-limit-api-key-max': '5',
      'x-rate-limit-api-key-remaining': '4',
      'x-rate-limit-api-token-interval-ms': String(WINDOW_MS),
      'x-rate-limit-api-token-max': '3',
      'x-rate-limit-api-token-remaining': '2',
    });
    const unauthorised = await request(sim.url).get('/1/members/me').query({ key: sim.key, token: 'bad' });
    expect(unauthorised.status).toBe(401);
    expect(unauthorised.headers['x-rate-limit-api-key-remaining']).toBe('4');
  });

  it('answers 429 API_TOKEN_LIMIT_EXCEEDED past the token limit and recovers after the window', async () => {
    const bot = simClient(sim, demo.members.gatekeeper.token);
    for (let i = 0; i < 3; i++) expect((await bot.get('/members/me')).status).toBe(200);
    const limited = await bot.get('/members/me');
    expect(limited.status).toBe(429);
    expect(limited.text).toBe('{"error":"API_TOKEN_LIMIT_EXCEEDED","message":"Rate limit exceeded"}');
    expect(limited.headers['content-type']).toMatch(/^application\/json/);
    expect(limited.headers['x-rate-limit-api-token-remaining']).toBe('0');
    // Another token of the same key is not affected by this token's window.
    expect((await simClient(sim, demo.members.director.token).get('/members/me')).status).toBe(200);
    clock.advance(WINDOW_MS + 1);
    expect((await bot.get('/members/me')).status).toBe(200);
  });

  it('answers 429 API_KEY_LIMIT_EXCEEDED past the key limit across tokens', async () => {
    const tokens = [demo.members.gatekeeper.token, demo.members.director.token];
    for (let i = 0; i < 5; i++) {
      expect((await simClient(sim, tokens[i % 2] ?? '').get('/members/me')).status).toBe(200);
    }
    const limited = await simClient(sim, demo.members.manager.token).get('/members/me');
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ error: 'API_KEY_LIMIT_EXCEEDED', message: 'Rate limit exceeded' });
  });

  it('does not charge rejected requests to the window (the simulator\'s documented choice)', async () => {
    const bot = simClient(sim, demo.members.gatekeeper.token);
    for (let i = 0; i < 3; i++) await bot.get('/members/me');
    clock.advance(WINDOW_MS / 2);
    for (let i = 0; i < 5; i++) expect((await bot.get('/members/me')).status).toBe(429);
    clock.advance(WINDOW_MS / 2 + 1);
    expect((await bot.get('/members/me')).status).toBe(200);
    expect(sim.requests.filter((r) => r.status === 429)).toHaveLength(5);
  });
});
