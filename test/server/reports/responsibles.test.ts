import type { Redis } from 'ioredis';
import { createResponsibles, type Take } from '../../../server/store/responsibles';
import { deleteKeys, testRedis, uniquePrefix } from '../../helpers/redis';

const VISIT = '2026-11-20T07:00:00.000Z';
const takeBy = (username: string, visit = VISIT): Take => ({
  stage: 'Новая заявка', visit, username, fullName: null, memberId: `id-${username}`, at: '2026-11-20T08:00:00.000Z',
});

describe('who took a card («Беру»)', () => {
  let redis: Redis;
  const prefix = uniquePrefix('responsibles');
  beforeAll(() => {
    redis = testRedis();
  });
  afterAll(async () => {
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  it('records the first of many members who take the same visit at once, and tells the rest who it was', async () => {
    const store = createResponsibles({ redis, prefix });
    const results = await Promise.all(['anna', 'boris', 'vera', 'gleb'].map((name) => store.take('card-1', takeBy(name))));

    const winners = results.filter((r) => r.taken);
    expect(winners).toHaveLength(1);
    const winner = winners[0]!.take.username;
    expect(results.map((r) => r.take.username)).toEqual(Array(4).fill(winner));
    expect(await store.forVisit('card-1', VISIT)).toEqual(takeBy(winner));
    // The winner asking again is still the winner.
    expect(await store.take('card-1', takeBy(winner))).toEqual({ taken: true, take: takeBy(winner) });
  });

  it('keeps one take per visit and reads every card of a board in one go', async () => {
    const store = createResponsibles({ redis, prefix });
    await store.take('card-2', takeBy('anna'));
    await store.take('card-2', takeBy('boris', '2026-11-23T07:00:00.000Z'));

    const all = await store.allOf(['card-2', 'card-nobody']);
    expect(all.get('card-2')?.map((t) => t.username).sort()).toEqual(['anna', 'boris']);
    expect(all.get('card-nobody')).toEqual([]);
    expect(await store.forVisit('card-2', '2026-01-01T00:00:00.000Z')).toBeNull();
  });
});
