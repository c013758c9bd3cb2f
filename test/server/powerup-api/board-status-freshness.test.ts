import request from 'supertest';
import { startE2E, type E2E } from '../../e2e/e2e-kit';
import { stationUpTo } from '../../stack/station-data';

describe('board status after a change on the board', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E('powerup-status-fresh');
  });
  afterAll(() => e2e.close());
  const status = async (cardId: string) => {
    const res = await request(e2e.service.url)
      .get(`/api/boards/${e2e.board.boardId}/cards/status`)
      .set('Authorization', `Bearer ${e2e.powerUpJwt('manager')}`);
    return res.body.cards[cardId];
  };

  it('shows a drag at once, though board statuses are cached for 20 s', async () => {
    const id = await e2e.stationCard('Радио Хмель', stationUpTo('basics'));
    expect(await status(id)).toMatchObject({ stage: 'Новая заявка' });
    e2e.sim.ui('manager').moveCard(id, 'Сбор данных');
    await e2e.settle();
    expect(await status(id)).toMatchObject({ listId: e2e.board.lists['Сбор данных'], stage: 'Сбор данных' });
  });

  it('shows a ticked checklist item at once, though ticks are not judged', async () => {
    const id = await e2e.stationCard('Радио Овёс', stationUpTo('basics'));
    e2e.sim.ui('manager').addChecklist(id, 'Документы', ['Устав']);
    await e2e.settle();
    expect((await status(id)).checklists).toEqual([{ name: 'Документы', items: [{ name: 'Устав', complete: false }] }]);
    e2e.sim.ui('manager').checkItem(id, 'Документы', 'Устав');
    await e2e.settle();
    expect((await status(id)).checklists).toEqual([{ name: 'Документы', items: [{ name: 'Устав', complete: true }] }]);
  });
});
