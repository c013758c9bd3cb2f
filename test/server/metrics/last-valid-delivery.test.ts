import type { Redis } from 'ioredis';
import { createLastValidDelivery, lastValidDeliveryKey } from '../../../server/metrics/last-valid-delivery';
import { deleteKeys, testRedis, uniquePrefix } from '../../helpers/redis';

describe('the last valid webhook delivery per board', () => {
  let redis: Redis;
  let prefix: string;
  beforeEach(() => {
    redis = testRedis();
    prefix = uniquePrefix('last-valid');
  });
  afterEach(async () => {
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  it('keeps one ISO time per board in the hash <prefix>:webhook:last-valid, the latest write winning', async () => {
    const store = createLastValidDelivery({ redis, prefix });
    await store.record('board-a', new Date('2026-03-02T09:00:00.000Z'));
    await store.record('board-b', new Date('2026-03-02T09:05:00.000Z'));
    await store.record('board-a', new Date('2026-03-02T09:10:00.000Z'));

    expect(lastValidDeliveryKey(prefix)).toBe(`${prefix}:webhook:last-valid`);
    expect(await redis.hgetall(`${prefix}:webhook:last-valid`)).toEqual({
      'board-a': '2026-03-02T09:10:00.000Z',
      'board-b': '2026-03-02T09:05:00.000Z',
    });
    expect(await store.all()).toEqual(new Map([
      ['board-a', new Date('2026-03-02T09:10:00.000Z')],
      ['board-b', new Date('2026-03-02T09:05:00.000Z')],
    ]));
  });

  it('records the present moment when no time is given', async () => {
    const store = createLastValidDelivery({ redis, prefix });
    const before = Date.now();
    await store.record('board-a');
    const at = (await store.all()).get('board-a')!.getTime();
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
  });

  it('leaves out a value that is not a time instead of reporting a bogus one', async () => {
    await redis.hset(lastValidDeliveryKey(prefix), 'board-a', 'yesterday-ish', 'board-b', '2026-03-02T09:05:00.000Z');
    expect([...(await createLastValidDelivery({ redis, prefix }).all()).keys()]).toEqual(['board-b']);
  });
});
