import type { Redis } from 'ioredis';
import { createStageHistory } from '../../../server/store/stage-history';
import { deleteKeys, testRedis, uniquePrefix } from '../../helpers/redis';

describe('stage history', () => {
  let redis: Redis;
  const prefix = uniquePrefix('stage-history');
  beforeAll(() => {
    redis = testRedis();
  });
  afterAll(async () => {
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  it('closes the open visit when the card enters the next stage', async () => {
    const history = createStageHistory({ redis, prefix });
    await history.enter('c1', { stage: 'Новая заявка', listId: 'l1', at: '2026-11-02T09:00:00.000Z', actionId: 'a1' });
    await history.enter('c1', { stage: 'Сбор данных', listId: 'l2', at: '2026-11-03T10:00:00.000Z', actionId: 'a2' });
    expect(await history.all('c1')).toEqual([
      { stage: 'Новая заявка', listId: 'l1', enteredAt: '2026-11-02T09:00:00.000Z', leftAt: '2026-11-03T10:00:00.000Z', actionId: 'a1' },
      { stage: 'Сбор данных', listId: 'l2', enteredAt: '2026-11-03T10:00:00.000Z', leftAt: null, actionId: 'a2' },
    ]);
    expect((await history.current('c1'))?.stage).toBe('Сбор данных');
  });

  it('records a retried entry once', async () => {
    const history = createStageHistory({ redis, prefix });
    const visit = { stage: 'Новая заявка', listId: 'l1', at: '2026-11-02T09:00:00.000Z', actionId: 'b1' };
    await history.enter('c2', visit);
    await history.enter('c2', visit);
    expect(await history.all('c2')).toHaveLength(1);
  });

  it('hands back the visit an entry closed, also when the entry is repeated', async () => {
    const history = createStageHistory({ redis, prefix });
    const first = { stage: 'A', listId: 'l1', at: '2026-11-02T09:00:00.000Z', actionId: 'd1' };
    const second = { stage: 'B', listId: 'l2', at: '2026-11-02T10:00:00.000Z', actionId: 'd2' };
    expect(await history.enter('c3', first)).toBeNull();
    const closed = { stage: 'A', listId: 'l1', enteredAt: first.at, leftAt: second.at, actionId: 'd1' };
    expect(await history.enter('c3', second)).toEqual(closed);
    expect(await history.enter('c3', second)).toEqual(closed);
  });

  it('keeps a suspension visit marked apart from the stages', async () => {
    const history = createStageHistory({ redis, prefix });
    await history.enter('c4', { stage: 'Активный клиент', listId: 'l8', at: '2026-11-02T09:00:00.000Z', actionId: 'e1' });
    await history.enter('c4', { stage: 'Приостановлен', listId: 'l9', at: '2026-11-03T09:00:00.000Z', actionId: 'e2', kind: 'suspension' });
    expect((await history.all('c4')).map((v) => v.kind)).toEqual([undefined, 'suspension']);
  });

  it('seeds a rebuilt first visit only into an empty history', async () => {
    const history = createStageHistory({ redis, prefix });
    const rebuilt = { stage: 'A', listId: 'l1', at: '2026-10-01T09:00:00.000Z', actionId: 'trello-action' };
    expect(await history.seed('c5', rebuilt)).toBe(true);
    expect(await history.seed('c5', { ...rebuilt, stage: 'B' })).toBe(false);
    expect(await history.all('c5')).toEqual([{ stage: 'A', listId: 'l1', enteredAt: rebuilt.at, leftAt: null, actionId: 'trello-action' }]);
  });

  it('knows nothing of a card it never saw', async () => {
    expect(await createStageHistory({ redis, prefix }).current('unknown')).toBeNull();
  });
});
