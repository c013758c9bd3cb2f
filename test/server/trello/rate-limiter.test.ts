import type { Redis } from 'ioredis';
import type { RateLimits } from '../../../server/trello/rate-limiter';
import { rateLimitKeys } from '../../../server/trello/rate-limiter';
import { startScriptedTrello, type ScriptedTrello } from './scripted-trello';
import { cleanUp, KEY, testClient, testRedis, TOKEN, uniquePrefix } from './trello-test-kit';

const OTHER_TOKEN = 'beefcafebeefcafebeefcafebeefcafebeefcafebeefcafebeefcafebeefcafe';
const me = { status: 200, body: { id: '64ad507fe4d2e4b47b14e724', username: 'gatekeeper', fullName: 'Gatekeeper' } };
// A slot is granted in Redis a little before the request reaches the stub; under a busy
// test run the gap varies by some ms, so timestamps seen by the stub may squeeze a
// window by that much. (The 10 % margin in DEFAULT_LIMITS covers the same gap with Trello.)
const ARRIVAL_JITTER_MS = 250;

const prefix = uniquePrefix('limiter');
let workerA: Redis; // two connections: two worker processes sharing one Redis
let workerB: Redis;
let trello: ScriptedTrello;

beforeAll(() => {
  workerA = testRedis();
  workerB = testRedis();
});
beforeEach(async () => {
  trello = await startScriptedTrello();
  trello.always('GET', '/1/members/me', me);
});
afterEach(() => trello.close());
afterAll(() => cleanUp(prefix, workerA, workerB));

// Each test gets its own prefix so windows filled by one test do not slow the next.
const client = (redis: Redis, token: string, keyPrefix: string, limits: RateLimits) =>
  testClient({ baseUrl: trello.baseUrl, redis, keyPrefix, token, limits });

const fire = (n: number, call: () => Promise<unknown>) => Array.from({ length: n }, () => call());

/** The most requests the stub saw inside any span shorter than `windowMs`. */
function busiestWindow(windowMs: number): number {
  const times = trello.requests.map((r) => r.at).sort((a, b) => a - b);
  return Math.max(...times.map((start) => times.filter((t) => t >= start && t < start + windowMs).length));
}

describe('when two workers share one token', () => {
  it('never lets more than the per-token limit through in any window, and serves every request', async () => {
    const limits = { windowMs: 1500, perKey: 5, perToken: 3 };
    const a = client(workerA, TOKEN, `${prefix}:shared-token`, limits);
    const b = client(workerB, TOKEN, `${prefix}:shared-token`, limits);
    const started = Date.now();

    const results = await Promise.all([...fire(4, () => a.getMe()), ...fire(3, () => b.getMe())]);

    expect(results).toHaveLength(7);
    expect(trello.requests).toHaveLength(7);
    expect(busiestWindow(limits.windowMs - ARRIVAL_JITTER_MS)).toBeLessThanOrEqual(3);
    // 7 requests at 3 per window need a third window: proof the limiter held them back.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2 * limits.windowMs - ARRIVAL_JITTER_MS);
  });
});

describe('when two tokens share one API key', () => {
  it('holds both to the per-key limit together', async () => {
    const limits = { windowMs: 1500, perKey: 3, perToken: 5 };
    const a = client(workerA, TOKEN, `${prefix}:shared-key`, limits);
    const b = client(workerB, OTHER_TOKEN, `${prefix}:shared-key`, limits);

    await Promise.all([...fire(4, () => a.getMe()), ...fire(3, () => b.getMe())]);

    expect(trello.requests).toHaveLength(7);
    expect(busiestWindow(limits.windowMs - ARRIVAL_JITTER_MS)).toBeLessThanOrEqual(3);
  });

  it('does not let one token spend the other token’s budget', async () => {
    // A long window: a request held for the next one would wait 10 s, far beyond any slowness of the machine.
    const limits = { windowMs: 10_000, perKey: 10, perToken: 2 };
    const a = client(workerA, TOKEN, `${prefix}:separate-tokens`, limits);
    const b = client(workerB, OTHER_TOKEN, `${prefix}:separate-tokens`, limits);
    const started = Date.now();

    await Promise.all([...fire(2, () => a.getMe()), ...fire(2, () => b.getMe())]);

    expect(trello.requests).toHaveLength(4);
    expect(Date.now() - started).toBeLessThan(limits.windowMs / 2);
  });
});

describe('when Trello reports a spent token window in its headers', () => {
  it('holds every worker back for the interval Trello names', async () => {
    const keyPrefix = `${prefix}:steered`;
    const limits = { windowMs: 10_000, perKey: 100, perToken: 100 };
    const spent = { 'x-rate-limit-api-token-remaining': '0', 'x-rate-limit-api-token-interval-ms': '400' };
    trello.script('GET', '/1/members/me', { ...me, headers: spent });

    await client(workerA, TOKEN, keyPrefix, limits).getMe();
    await client(workerB, TOKEN, keyPrefix, limits).getMe();

    const [first, second] = trello.requests.map((r) => r.at);
    expect(second! - first!).toBeGreaterThanOrEqual(400 - 20);
  });
});

describe('the window keys', () => {
  it('expire after one window so idle limiters leave nothing behind', async () => {
    const keyPrefix = `${prefix}:expiry`;
    await client(workerA, TOKEN, keyPrefix, { windowMs: 1000, perKey: 5, perToken: 3 }).getMe();

    const keys = rateLimitKeys(keyPrefix, KEY, TOKEN);
    for (const key of [keys.keyWindow, keys.tokenWindow]) {
      const ttl = await workerA.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(1000);
    }
  });
});
