import { createTtlCache } from '../../../server/trello/ttl-cache';
import { manualClock as manualMsClock } from '../../helpers/manual-clock';

/** A clock the test moves by hand in seconds; `now` is epoch milliseconds, as the cache reads it. */
function manualClock() {
  const clock = manualMsClock(Date.UTC(2026, 10, 20, 9));
  return { now: clock.now, advance: (sec: number) => clock.advance(sec * 1000) };
}

/** A loader that counts its calls and can be told to fail. */
function countingLoader() {
  const calls: string[] = [];
  let failing = false;
  return {
    calls,
    failNext: () => void (failing = true),
    load: async (key: string) => {
      const count = calls.push(key);
      await new Promise((r) => setTimeout(r, 5));
      if (failing) {
        failing = false;
        throw new Error(`cannot load ${key}`);
      }
      return `${key}#${count}`;
    },
  };
}

describe('the per-board cache', () => {
  it('shares one load among callers that arrive together, and keeps it for the TTL', async () => {
    const clock = manualClock();
    const loader = countingLoader();
    const cache = createTtlCache({ ttlMs: 20_000, load: loader.load, now: clock.now });

    expect(await Promise.all([cache.get('b1'), cache.get('b1'), cache.get('b2')])).toEqual(['b1#1', 'b1#1', 'b2#2']);
    clock.advance(19.9);
    expect(await cache.get('b1')).toBe('b1#1');
    clock.advance(0.1);
    expect(await cache.get('b1')).toBe('b1#3');
  });

  it('reloads sooner for a caller that asks for fresher data, and after forget', async () => {
    const clock = manualClock();
    const loader = countingLoader();
    const cache = createTtlCache({ ttlMs: 600_000, load: loader.load, now: clock.now });
    await cache.get('b1');
    clock.advance(61);

    expect(await cache.get('b1')).toBe('b1#1');
    expect(await cache.get('b1', 60_000)).toBe('b1#2');
    cache.forget('b1');
    expect(await cache.get('b1')).toBe('b1#3');
  });

  it('does not keep a failed load: the next caller tries again', async () => {
    const loader = countingLoader();
    const cache = createTtlCache({ ttlMs: 20_000, load: loader.load });
    loader.failNext();

    await expect(cache.get('b1')).rejects.toThrow('cannot load b1');
    expect(await cache.get('b1')).toBe('b1#2');
  });

  it('holds at most maxEntries boards, dropping the oldest', async () => {
    const loader = countingLoader();
    const cache = createTtlCache({ ttlMs: 20_000, load: loader.load, maxEntries: 2 });
    for (const key of ['b1', 'b2', 'b3']) await cache.get(key);

    await cache.get('b3');
    await cache.get('b2');
    await cache.get('b1');
    expect(loader.calls).toEqual(['b1', 'b2', 'b3', 'b1']);
  });
});
