import type { Redis } from 'ioredis';
import { createAuditLog, type AuditEntry } from '../../../server/store/audit-log';
import { createJudgedActions } from '../../../server/store/judged-actions';
import { deleteKeys, testRedis, uniquePrefix } from '../../helpers/redis';

const entry = (actionId: string, cardId = 'card-1'): AuditEntry => ({
  at: '2026-11-27T10:00:00.000Z', actionId, boardId: 'board-1', cardId, cardName: 'Радио Ромашка', mover: 'manager',
  from: { id: 'l1', name: 'Сбор данных' }, to: { id: 'l5', name: 'Подключение' },
  verdict: 'reverted', reason: 'role_not_allowed', failures: [], revertedTo: { id: 'l1', name: 'Сбор данных' }, dryRun: false,
});

describe('the audit log', () => {
  let redis: Redis;
  const prefix = uniquePrefix('audit');
  beforeAll(() => {
    redis = testRedis();
  });
  afterAll(async () => {
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  it('writes an action once however often a re-run appends it, and marks it judged', async () => {
    const audit = createAuditLog({ redis, prefix });
    const judged = createJudgedActions({ redis, prefix });
    expect(await judged.has('a1')).toBe(false);

    expect(await audit.append(entry('a1'))).toBe(true);
    expect(await audit.append(entry('a1'))).toBe(false);

    expect(await judged.has('a1')).toBe(true);
    expect((await audit.forCard('card-1')).map((e) => e.actionId)).toEqual(['a1']);
    expect((await audit.recent(10)).map((e) => e.actionId)).toEqual(['a1']);
  });

  it("remembers the time of each card's newest move acted on, whatever order they are claimed in", async () => {
    const judged = createJudgedActions({ redis, prefix });
    expect(await judged.claim('card-9', '2026-11-27T10:00:02.000Z')).toBe(false);
    expect(await judged.claim('card-9', '2026-11-27T10:00:01.000Z')).toBe(true);
    // The same move claimed again (a re-run) is not overtaken by itself; a newer one moves the mark on.
    expect(await judged.claim('card-9', '2026-11-27T10:00:02.000Z')).toBe(false);
    expect(await judged.claim('card-9', '2026-11-27T10:00:03.000Z')).toBe(false);
    expect(await judged.claim('card-9', '2026-11-27T10:00:02.000Z')).toBe(true);
    expect(await judged.claim('card-other', '2026-11-27T10:00:00.000Z')).toBe(false);
  });

  it('keeps each card its own story, newest first', async () => {
    const audit = createAuditLog({ redis, prefix });
    await audit.append(entry('b1', 'card-2'));
    await audit.append(entry('b2', 'card-2'));
    await audit.append(entry('c1', 'card-3'));
    expect((await audit.forCard('card-2')).map((e) => e.actionId)).toEqual(['b2', 'b1']);
  });
});
