import type { Redis } from 'ioredis';
import { createRateLimiter, rateLimitKeys, type Priority, type RateLimits } from '../../../server/trello/rate-limiter';
import { startScriptedTrello, type ScriptedTrello } from './scripted-trello';
import { cleanUp, KEY, testClient, testRedis, TOKEN, uniquePrefix } from './trello-test-kit';

const me = { status: 200, body: { id: '64ad507fe4d2e4b47b14e724', username: 'gatekeeper', fullName: 'Gatekeeper' } };
const CARD = '5f1e2d3c4b5a69788796a5b4';
const comment = { status: 200, body: { id: '64ad507fe4d2e4b47b14e799' } };
// Grants land at the stub some ms after Redis gave them; a busy test run widens that gap.
const ARRIVAL_JITTER_MS = 100;

const prefix = uniquePrefix('priority-lane');
let workerA: Redis; // two connections: two worker processes sharing one Redis
let workerB: Redis;
let trello: ScriptedTrello;
let testNumber = 0;
let keyPrefix: string;

beforeAll(() => {
  workerA = testRedis();
  workerB = testRedis();
});
beforeEach(async () => {
  // Each test its own windows, so one test's spent budget does not slow the next.
  keyPrefix = `${prefix}:t${(testNumber += 1)}`;
  trello = await startScriptedTrello();
  trello.always('GET', '/1/members/me', me);
  trello.always('POST', `/1/cards/${CARD}/actions/comments`, comment);
});
afterEach(() => trello.close());
afterAll(() => cleanUp(prefix, workerA, workerB));

const limiterOn = (redis: Redis, limits: RateLimits, urgentClaimMs?: number) =>
  createRateLimiter({ redis, keyPrefix, key: KEY, token: TOKEN, limits, urgentClaimMs });

const clientOn = (redis: Redis, limits: RateLimits, priority?: Priority) =>
  testClient({ baseUrl: trello.baseUrl, redis, keyPrefix, limits, priority });

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Urgent callers' claims in the set, without its marker of a short budget. */
async function liveClaims(redis: Redis): Promise<number> {
  const members = await redis.zrange(rateLimitKeys(keyPrefix, KEY, TOKEN).urgentClaims, '0', '-1');
  return members.filter((member) => member !== '~short').length;
}

/** Resolves once the urgent set holds `count` live claims. */
async function claimsReach(redis: Redis, count: number): Promise<void> {
  while ((await liveClaims(redis)) < count) await tick(5);
}

/** How many times, from now on, a normal caller on `redis` asks the slot script for a slot. */
function normalAsks(redis: Redis): () => number {
  const sendCommand = jest.spyOn(redis, 'sendCommand');
  return () => {
    const asks = sendCommand.mock.calls.filter(([command]) => /^eval/.test(command.name) && command.args.includes('normal')).length;
    sendCommand.mockRestore();
    return asks;
  };
}

/** The most requests the stub saw inside any span shorter than `windowMs`. */
function busiestWindow(windowMs: number): number {
  const times = trello.requests.map((r) => r.at).sort((a, b) => a - b);
  return Math.max(...times.map((start) => times.filter((t) => t >= start && t < start + windowMs).length));
}

// One slot per window in the ordering tests: two grants in the same instant, answered on two
// connections, may reach this process in either order.
describe('when the budget is spent and callers of both priorities wait', () => {
  it('grants the urgent caller of one process the next slot, ahead of normal callers of another that were waiting first', async () => {
    const limits = { windowMs: 200, perKey: 100, perToken: 1 };
    const a = limiterOn(workerA, limits);
    const b = limiterOn(workerB, limits);
    await a.acquire();
    const granted: string[] = [];
    const waiting = (name: string, limiter: typeof a, priority: Priority) =>
      limiter.acquire(priority).then(() => void granted.push(name));

    // Ten normal callers wake for the freed slot together with the urgent one: without the lane,
    // one of them would usually win it.
    const normals = Array.from({ length: 10 }, (_, n) => waiting(`normal ${n + 1}`, a, 'normal'));
    await tick(50);
    const urgent = waiting('urgent', b, 'urgent');
    await Promise.all([urgent, ...normals]);

    expect(granted[0]).toBe('urgent');
    expect(granted).toHaveLength(11);
  });

  it('serves every urgent caller before any normal one, and every normal one after them', async () => {
    const limits = { windowMs: 250, perKey: 100, perToken: 1 };
    const a = limiterOn(workerA, limits);
    const b = limiterOn(workerB, limits);
    await a.acquire();
    const granted: Priority[] = [];

    const normals = Array.from({ length: 3 }, () => a.acquire('normal').then(() => void granted.push('normal')));
    await tick(20);
    const urgents = Array.from({ length: 3 }, () => b.acquire('urgent').then(() => void granted.push('urgent')));
    await Promise.all([...normals, ...urgents]);

    expect(granted).toEqual(['urgent', 'urgent', 'urgent', 'normal', 'normal', 'normal']);
  });
});

describe('when a window refills while urgent callers keep running short', () => {
  it('gives the refill to an urgent caller that keeps asking, not to the normal callers waiting alongside', async () => {
    const limits = { windowMs: 300, perKey: 100, perToken: 3 };
    const limiter = limiterOn(workerA, limits); // one connection: grants arrive in the order they were made
    await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire()]);
    const granted: Priority[] = [];

    // A busy event worker: six calls in a row, faster than slots free, each out for 60 ms before
    // the next is asked for — long enough for the normal callers woken by the same refill to ask.
    const eventWorker = (async () => {
      for (let call = 0; call < 6; call++) {
        await limiter.acquire('urgent');
        granted.push('urgent');
        await tick(60);
      }
    })();
    await claimsReach(workerA, 1);
    const normals = Array.from({ length: 3 }, () => limiter.acquire('normal').then(() => void granted.push('normal')));
    await Promise.all([eventWorker, ...normals]);

    expect(granted).toEqual([...Array(6).fill('urgent'), ...Array(3).fill('normal')]);
  });

  it('holds nobody back after an urgent call while the budget is ample', async () => {
    const limiter = limiterOn(workerA, { windowMs: 10_000, perKey: 100, perToken: 100 });
    await limiter.acquire('urgent');

    // Counted, not timed: a caller held back (a lingering claim, a yield) is told to wait and asks
    // again; one let through asks once. A busy machine can slow the ask but not add one.
    const asks = normalAsks(workerA);
    await limiter.acquire('normal');

    expect(asks()).toBe(1);
  });
});

describe('when a process dies while its urgent caller waits', () => {
  it('holds normal callers back only until the dead caller’s claim lapses', async () => {
    const limits = { windowMs: 300, perKey: 100, perToken: 1 };
    const claimMs = 1_500;
    const doomed = testRedis();
    await limiterOn(workerA, limits, claimMs).acquire();
    const dying = limiterOn(doomed, limits, claimMs).acquire('urgent').then(() => 'granted', () => 'died with its connection');
    await claimsReach(workerA, 1);
    const claimedAt = Date.now();
    doomed.disconnect();

    await limiterOn(workerA, limits, claimMs).acquire('normal');

    // The slot was free after 300 ms; the normal caller still waited out the claim, then no longer.
    const waited = Date.now() - claimedAt;
    expect(waited).toBeGreaterThanOrEqual(claimMs - ARRIVAL_JITTER_MS);
    expect(waited).toBeLessThan(claimMs + 1_000);
    expect(await dying).toBe('died with its connection');
    expect(await workerA.exists(rateLimitKeys(keyPrefix, KEY, TOKEN).urgentClaims)).toBe(0);
  });

  it('keeps the claim of a live urgent caller however much longer than one claim period it waits', async () => {
    const limits = { windowMs: 1_500, perKey: 100, perToken: 1 };
    const claimMs = 300;
    await limiterOn(workerA, limits, claimMs).acquire();

    const urgent = limiterOn(workerB, limits, claimMs).acquire('urgent');
    await claimsReach(workerA, 1);
    await tick(3 * claimMs);
    const stillClaimed = await liveClaims(workerA);
    await urgent;

    expect(stillClaimed).toBe(1);
  });
});

describe('the Trello client', () => {
  it('keeps both limits across two processes whatever the priority of their calls, and serves every call', async () => {
    const limits = { windowMs: 800, perKey: 5, perToken: 3 };
    const urgent = clientOn(workerA, limits, 'urgent');
    const normal = clientOn(workerB, limits, 'normal');
    const fire = (n: number, call: () => Promise<unknown>) => Array.from({ length: n }, () => call());

    const results = await Promise.all([...fire(4, () => urgent.getMe()), ...fire(4, () => normal.getMe())]);

    expect(results).toHaveLength(8);
    expect(trello.requests).toHaveLength(8);
    expect(busiestWindow(limits.windowMs - ARRIVAL_JITTER_MS)).toBeLessThanOrEqual(3);
  });

  it('sends a comment asked for as urgent before the normal calls waiting ahead of it', async () => {
    const limits = { windowMs: 200, perKey: 100, perToken: 1 };
    const client = clientOn(workerA, limits);
    await client.getMe();

    const normals = Array.from({ length: 6 }, () => client.getMe());
    await tick(30);
    const revertComment = client.addComment(CARD, 'returned: the contract is not signed', 'urgent');
    await Promise.all([...normals, revertComment]);

    expect(trello.requests.map((r) => r.method)).toEqual(['GET', 'POST', ...Array(6).fill('GET')]);
  });

  it('takes urgent as its own priority for every call when created urgent', async () => {
    const limits = { windowMs: 200, perKey: 100, perToken: 1 };
    const normal = clientOn(workerA, limits);
    await normal.getMe();

    const normals = Array.from({ length: 6 }, () => normal.getMe());
    await tick(30);
    const urgent = clientOn(workerB, limits, 'urgent').addComment(CARD, 'urgent by default');
    await Promise.all([...normals, urgent]);

    expect(trello.requests.map((r) => r.method)).toEqual(['GET', 'POST', ...Array(6).fill('GET')]);
  });
});
