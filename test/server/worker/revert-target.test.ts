import type { CardEvent } from '../../../server/queue/card-event';
import { revertTarget } from '../../../server/worker/revert-target';
import { loadDefaultRules } from '../../rules/default-rules';

const created = (toList: { id: string; name: string }): CardEvent => ({
  actionId: 'a1', kind: 'create', date: '2026-11-27T10:00:00.000Z', boardId: 'board-1', cardId: 'card-1', cardName: 'Радио',
  fromList: null, toList, mover: { id: 'm1', username: 'manager', fullName: 'Мария' },
});

describe('where a refused card goes back to', () => {
  const config = loadDefaultRules();
  const lists = (names: string[]) => ({
    getBoardLists: async () => names.map((name, n) => ({ id: `l${n}`, name, closed: false })),
  });

  it('a card created straight into a gated list goes to the first stage, matched as the rules match names', async () => {
    const deps = { config, trello: lists(['Новая  Заявка', 'Сбор данных', 'Подключение']) } as unknown as Parameters<typeof revertTarget>[2];
    expect(await revertTarget(created({ id: 'l2', name: 'Подключение' }), null, deps)).toEqual({ id: 'l0', name: 'Новая  Заявка' });
  });

  it('the last stage the card was accepted in comes before what Trello says it came from', async () => {
    const deps = { config, trello: lists([]) } as unknown as Parameters<typeof revertTarget>[2];
    const visit = { stage: 'Сбор данных', listId: 'l1', enteredAt: '2026-11-26T10:00:00.000Z', leftAt: null, actionId: 'a0' };
    const move = { ...created({ id: 'l5', name: 'Подключение' }), kind: 'move' as const, fromList: { id: 'l4', name: 'Договор и оплата' } };
    expect(await revertTarget(move, visit, deps)).toEqual({ id: 'l1', name: 'Сбор данных' });
  });

  it('says which board lacks the first stage, rather than retrying for ever in silence', async () => {
    const deps = { config, trello: lists(['Входящие']) } as unknown as Parameters<typeof revertTarget>[2];
    await expect(revertTarget(created({ id: 'l9', name: 'Подключение' }), null, deps)).rejects.toThrow(/board board-1 has no open list named "Новая заявка"/);
    // A board without the list stays without it on a retry: the job must fail at once, not eight times.
    await expect(revertTarget(created({ id: 'l9', name: 'Подключение' }), null, deps)).rejects.toMatchObject({
      name: 'PermanentError', code: 'first_stage_list_missing',
    });
  });
});
