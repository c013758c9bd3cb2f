import type { Redis } from 'ioredis';
import { createAuditLog, type AuditEntry } from '../../../server/store/audit-log';
import { deleteKeys, testRedis, uniquePrefix } from '../../helpers/redis';

const entry = (actionId: string, cardId = 'card-1'): AuditEntry => ({
  at: '2026-11-27T10:00:00.000Z', actionId, boardId: 'board-1', cardId, cardName: 'Радио Ромашка', mover: 'manager',
  from: null, to: { id: 'l1', name: 'Новая заявка' }, verdict: 'accepted', reason: 'forward', failures: [], revertedTo: null, dryRun: false,
});

describe('reading the audit log for the director\'s view', () => {
  let redis: Redis;
  const prefix = uniquePrefix('audit-reading');
  beforeAll(() => {
    redis = testRedis();
  });
  afterAll(async () => {
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  it('reads by judge time, pages back from a cursor, and names card entries by their stream id', async () => {
    const audit = createAuditLog({ redis, prefix });
    const before = Date.now();
    for (let n = 0; n < 5; n += 1) await audit.append(entry(`a${n}`));
    const after = Date.now() + 1;

    const all = await audit.between(new Date(before), new Date(after));
    expect(all.map((e) => e.actionId)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
    expect(await audit.between(new Date(after), new Date(after + 60_000))).toEqual([]);

    const newest = await audit.olderThan(null, 2);
    expect(newest.map((e) => e.actionId)).toEqual(['a4', 'a3']);
    expect((await audit.olderThan(newest[1]!.id, 10)).map((e) => e.actionId)).toEqual(['a2', 'a1', 'a0']);

    const ofCard = await audit.recordsOfCard('card-1');
    expect(ofCard.map((e) => [e.id, e.actionId])).toEqual([...all].reverse().map((e) => [e.id, e.actionId]));
    // The card's plain reading is unchanged: no id in it.
    expect((await audit.forCard('card-1'))[0]).toEqual(entry('a4'));
  });

  it('names a card entry written before entries carried their stream id by its judge time', async () => {
    const audit = createAuditLog({ redis, prefix });
    await redis.lpush(`${prefix}:card:card-old:audit`, JSON.stringify(entry('old', 'card-old')));
    expect(await audit.recordsOfCard('card-old')).toEqual([{ ...entry('old', 'card-old'), id: `${Date.parse('2026-11-27T10:00:00.000Z')}-0` }]);
  });
});
