import { DEFAULT_DEMO_LISTS, startTrelloSimulator, type DemoBoard, type TrelloSimulator } from '../simulator';
import { simClient } from './support/sim-client';

describe('the demo board and acting in the UI', () => {
  let sim: TrelloSimulator;
  let demo: DemoBoard;

  beforeEach(async () => {
    sim = await startTrelloSimulator({ appSecret: 'secret' });
    demo = sim.seedDemoBoard();
  });

  afterEach(() => sim.close());

  it('seeds the nine default lists, four people and the bot', () => {
    expect(Object.keys(demo.lists)).toEqual([
      'Новая заявка', 'Сбор данных', 'Техническая экспертиза', 'Договор и оплата', 'Подключение',
      'Выдача доступов', 'Регистрация в учёте', 'Активный клиент', 'Приостановлен (задолженность)',
    ]);
    expect(DEFAULT_DEMO_LISTS).toEqual(Object.keys(demo.lists));
    expect(demo.members.director.fullName).toBe('Ирина Директорова');
    expect(demo.members.gatekeeper).toMatchObject({ username: 'gatekeeper', fullName: 'Gatekeeper' });
    expect(demo.key).toBe(sim.key);
    expect(sim.key).toMatch(/^[0-9a-f]{32}$/);
    expect(demo.powerUpId).toMatch(/^[0-9a-f]{24}$/);
    const seconds = parseInt(demo.boardId.slice(0, 8), 16);
    expect(Math.abs(seconds - Date.now() / 1000)).toBeLessThan(5);
  });

  it('seeds a board with custom lists, reusing the same members', () => {
    const second = sim.seedDemoBoard(['Один', 'Два']);
    expect(Object.keys(second.lists)).toEqual(['Один', 'Два']);
    expect(second.members.manager.token).toBe(demo.members.manager.token);
  });

  describe('when the Power-Up stores station data', () => {
    it('keeps the whole object as one shared JSON string readable through REST', async () => {
      const cardId = sim.ui('manager').createCard('Новая заявка', 'Клиент');
      sim.ui('manager').setPluginData(cardId, { station: { inn: '7701234567', contact: 'Пётр' } });
      sim.ui('manager').setPluginData(cardId, { station: { inn: '7701234568' } });
      const res = await simClient(sim, demo.members.gatekeeper.token).get(`/cards/${cardId}/pluginData`);
      expect(res.body).toEqual([
        expect.objectContaining({ idPlugin: demo.powerUpId, value: '{"station":{"inn":"7701234568"}}', access: 'shared' }),
      ]);
      expect(sim.card(cardId).pluginData).toHaveLength(1);
      expect(sim.actions().map((a) => a.type)).toEqual(['createCard']); // t.set records no action
    });

    it('refuses more than 4096 characters with Trello\'s message and keeps the old value', () => {
      const cardId = sim.ui('manager').createCard('Новая заявка', 'Клиент');
      const wrapper = JSON.stringify({ note: '' }).length;
      sim.ui('manager').setPluginData(cardId, { note: 'x'.repeat(4096 - wrapper) });
      expect(() => sim.ui('manager').setPluginData(cardId, { note: 'x'.repeat(4097 - wrapper) })).toThrow(
        'PluginData length of 4096 characters exceeded',
      );
      expect(sim.card(cardId).pluginData[0]?.value).toHaveLength(4096);
    });
  });

  it('adds checklists, checks items and comments as the member, with appCreator null', () => {
    const ui = sim.ui('engineer');
    const cardId = ui.createCard('Техническая экспертиза', 'Клиент');
    ui.addChecklist(cardId, 'Экспертиза', ['Схема', 'Смета']);
    ui.checkItem(cardId, 'Экспертиза', 'Смета');
    ui.checkItem(cardId, 'Экспертиза', 'Смета'); // already complete: no second action
    ui.comment(cardId, 'Готово');
    const card = sim.card(cardId);
    expect(card.checklists[0]?.checkItems.map((i) => [i.name, i.state])).toEqual([['Схема', 'incomplete'], ['Смета', 'complete']]);
    expect(sim.comments(cardId)).toEqual([{ text: 'Готово', memberCreator: 'engineer', date: expect.any(String) }]);
    expect(sim.actions({ cardId }).map((a) => a.type)).toEqual([
      'createCard', 'addChecklistToCard', 'createCheckItem', 'createCheckItem', 'updateCheckItemStateOnCard', 'commentCard',
    ]);
    expect(sim.actions({ cardId }).every((a) => a.appCreator === null)).toBe(true);
  });

  it('gives checklists and items created through REST the docs/trello-reference.md §3.7 shapes', async () => {
    const cardId = sim.ui('manager').createCard('Новая заявка', 'Клиент');
    const bot = simClient(sim, demo.members.gatekeeper.token);
    const checklist = await bot.post('/checklists', { idCard: cardId, name: 'Сбор данных' });
    expect(checklist.body).toMatchObject({ name: 'Сбор данных', idCard: cardId, idBoard: demo.boardId, checkItems: [] });
    const item = await bot.post(`/checklists/${checklist.body.id}/checkItems`, { name: 'ИНН', checked: 'false' });
    expect(item.body).toMatchObject({ name: 'ИНН', state: 'incomplete', idChecklist: checklist.body.id });
    const checked = await bot.put(`/cards/${cardId}/checkItem/${item.body.id}`, { state: 'complete' });
    expect(checked.body.state).toBe('complete');
    const second = await bot.post(`/cards/${cardId}/checklists`).send({ name: 'Второй' });
    expect(second.body.pos).toBeGreaterThan(checklist.body.pos);
    expect(sim.actions({ type: 'updateCheckItemStateOnCard' })[0]?.appCreator).toEqual({ id: demo.appId });
  });

  it('throws a clear error for an unknown member, list or card', () => {
    expect(() => sim.ui('nobody')).toThrow('no member "nobody"');
    expect(() => sim.ui('manager').createCard('Нет такого', 'x')).toThrow('no list "Нет такого"');
    expect(() => sim.ui('manager').moveCard('c'.repeat(24), 'Подключение')).toThrow('no card');
  });
});
