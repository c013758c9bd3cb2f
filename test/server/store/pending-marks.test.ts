import type { Redis } from 'ioredis';
import type { CardEvent } from '../../../server/queue/card-event';
import { createPendingReverts } from '../../../server/stage/pending-changes';
import { deleteKeys, testRedis, uniquePrefix } from '../../helpers/redis';

const event = (actionId: string, cardId = 'card-1'): CardEvent => ({
  actionId, kind: 'move', date: '2026-11-27T10:00:00.000Z', boardId: 'board-1', cardId, cardName: 'Радио Ромашка',
  fromList: { id: 'l1', name: 'Сбор данных' }, toList: { id: 'l5', name: 'Подключение' },
  mover: { id: 'm1', username: 'manager', fullName: 'Мария Менеджер' },
});
const revert = (actionId: string, cardId?: string) => ({
  event: event(actionId, cardId), target: { id: 'l1', name: 'Сбор данных' }, attemptedStage: 'Подключение', failures: [],
});

describe('pending marks of a revert in progress', () => {
  let redis: Redis;
  const prefix = uniquePrefix('pending');
  beforeAll(() => {
    redis = testRedis();
  });
  afterAll(async () => {
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  it('holds what the re-run needs to finish the same revert, and when it began', async () => {
    const reverts = createPendingReverts({ redis, prefix });
    await reverts.begin('card-1', revert('a1'));
    const mark = await reverts.get('card-1');
    expect(mark).toMatchObject({ ...revert('a1'), since: expect.any(String) });
    expect(Date.now() - Date.parse(mark!.since)).toBeLessThan(60_000);
    expect(await reverts.cards()).toEqual(['card-1']);
  });

  it('is cleared only by the action that owns it', async () => {
    const reverts = createPendingReverts({ redis, prefix });
    await reverts.begin('card-2', revert('b2', 'card-2'));
    await reverts.finish('card-2', 'b1');
    expect(await reverts.get('card-2')).not.toBeNull();
    await reverts.finish('card-2', 'b2');
    expect(await reverts.get('card-2')).toBeNull();
    expect(await reverts.cards()).not.toContain('card-2');
  });

  it('refuses a mark that is not a revert, rather than finish something else', async () => {
    await redis.set(`${prefix}:card:card-3:revert`, JSON.stringify({ event: { actionId: 'x' }, since: 'now' }));
    await expect(createPendingReverts({ redis, prefix }).get('card-3')).rejects.toThrow();
  });
});
