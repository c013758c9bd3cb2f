import { Redis } from 'ioredis';
import { AccessLogUnavailableError, createAccessLog } from '../../../server/vault/access-log';
import { deleteKeys, testRedis, uniquePrefix } from '../../helpers/redis';

describe('vault access log', () => {
  let redis: Redis;
  let prefix: string;

  beforeAll(() => void (redis = testRedis()));
  beforeEach(() => void (prefix = uniquePrefix('vault-log')));
  afterEach(() => deleteKeys(redis, prefix));
  afterAll(() => redis.quit());

  it('keeps every access per card and per board, newest first, paged', async () => {
    const log = createAccessLog({ redis, prefix });
    const who = { boardId: 'b1', memberId: 'm1', username: 'engineer' };
    await log.record({ ...who, action: 'create', cardId: 'c1', entryId: 'e1' });
    await log.record({ ...who, action: 'reveal', cardId: 'c1', entryId: 'e1' });
    await log.record({ ...who, action: 'copy', cardId: 'c2', entryId: 'e9' });

    const ofCard = await log.ofCard('c1');
    expect(ofCard.map((a) => a.action)).toEqual(['reveal', 'create']);
    expect(ofCard[0]).toMatchObject({ boardId: 'b1', cardId: 'c1', entryId: 'e1', memberId: 'm1', username: 'engineer' });
    expect((await log.ofBoard('b1')).map((a) => `${a.action}:${a.cardId}`)).toEqual(['copy:c2', 'reveal:c1', 'create:c1']);
    const [newest] = await log.ofBoard('b1', { limit: 1 });
    expect((await log.ofBoard('b1', { before: newest!.id })).map((a) => a.action)).toEqual(['reveal', 'create']);
  });

  it('fails closed: without Redis the access is refused, not let through unlogged', async () => {
    const down = new Redis('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    down.on('error', () => {});
    const log = createAccessLog({ redis: down, prefix });
    await expect(log.record({ action: 'reveal', boardId: 'b1', cardId: 'c1', entryId: 'e1', memberId: 'm1' })).rejects.toThrow(AccessLogUnavailableError);
    await expect(log.record({ action: 'reveal', boardId: 'b1', cardId: 'c1', entryId: 'e1', memberId: 'm1' })).rejects.toThrow(
      /cannot write the access log .*the reveal of card c1 was not done/,
    );
    down.disconnect();
  });

  it('fails closed when one of the two lines cannot be written', async () => {
    await redis.set(`${prefix}:vault:access:card:c1`, 'not a stream');
    const log = createAccessLog({ redis, prefix });
    await expect(log.record({ action: 'reveal', boardId: 'b1', cardId: 'c1', entryId: 'e1', memberId: 'm1' })).rejects.toThrow(/WRONGTYPE/);
  });
});
