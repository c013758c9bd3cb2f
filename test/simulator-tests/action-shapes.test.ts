import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startTrelloSimulator, type DemoBoard, type TrelloAction, type TrelloSimulator } from '../simulator';
import { keyTree } from './support/key-tree';
import { simClient } from './support/sim-client';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'trello');
const fixtureAction = (file: string): TrelloAction => JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')).action;

describe('actions the simulator records', () => {
  let sim: TrelloSimulator;
  let demo: DemoBoard;
  let api: ReturnType<typeof simClient>;

  beforeEach(async () => {
    sim = await startTrelloSimulator({ appSecret: 'secret' });
    demo = sim.seedDemoBoard();
    api = simClient(sim, demo.members.gatekeeper.token);
  });

  afterEach(() => sim.close());

  describe('when the bot moves a card through REST', () => {
    it('records a move with exactly the keys of the 2024 captured move and an appCreator', async () => {
      const cardId = sim.ui('manager').createCard('Новая заявка', 'Клиент');
      const res = await api.put(`/cards/${cardId}`, { idList: demo.lists['Сбор данных'] ?? '' });
      expect(res.status).toBe(200);
      expect(res.body.idList).toBe(demo.lists['Сбор данных']);

      const [move] = sim.actions({ type: 'updateCard', cardId });
      const fixture = fixtureAction('updateCard-move-between-lists-2024.json');
      expect(keyTree({ ...move, appCreator: null })).toEqual(keyTree(fixture));
      expect(Object.keys(move?.data.card as object)).toEqual(Object.keys(fixture.data.card as object));
      expect(move).toMatchObject({
        type: 'updateCard',
        idMemberCreator: demo.members.gatekeeper.id,
        appCreator: { id: demo.appId },
        limits: null,
        data: {
          old: { idList: demo.lists['Новая заявка'] },
          listBefore: { id: demo.lists['Новая заявка'], name: 'Новая заявка' },
          listAfter: { id: demo.lists['Сбор данных'], name: 'Сбор данных' },
          board: { id: demo.boardId, name: 'Подключение клиентов' },
        },
        display: { translationKey: 'action_move_card_from_list_to_list' },
        memberCreator: { username: 'gatekeeper', fullName: 'Gatekeeper' },
      });
    });
  });

  describe('when a person moves a card in the UI', () => {
    it('records the same move shape with appCreator null', () => {
      const ui = sim.ui('engineer');
      const cardId = ui.createCard('Новая заявка', 'Клиент');
      ui.moveCard(cardId, 'Подключение');
      const [move] = sim.actions({ type: 'updateCard', cardId });
      expect(keyTree(move)).toEqual(keyTree(fixtureAction('updateCard-move-between-lists-2024.json')));
      expect(move?.appCreator).toBeNull();
      expect(move?.memberCreator.fullName).toBe('Евгений Инженеров');
      expect(sim.card(cardId).listName).toBe('Подключение');
    });
  });

  it('records createCard with the keys of the 2020 capture', async () => {
    const res = await api.post('/cards', { idList: demo.lists['Новая заявка'] ?? '', name: 'Через API' });
    expect(res.status).toBe(200);
    const [created] = sim.actions({ type: 'createCard', cardId: res.body.id });
    expect(keyTree({ ...created, appCreator: null })).toEqual(keyTree(fixtureAction('createCard-2020.json')));
    expect(created?.display.translationKey).toBe('action_create_card');
  });

  it('answers a REST comment with the commentCard action, display included', async () => {
    const cardId = sim.ui('manager').createCard('Новая заявка', 'Клиент');
    const res = await api.post(`/cards/${cardId}/actions/comments`).send({ text: 'Ход отменён: нет ИНН' });
    expect(res.status).toBe(200);
    expect(res.body.display.entities.comment.text).toBe('Ход отменён: нет ИНН');
    const raw = readFileSync(path.join(FIXTURES, 'commentCard-raw-body-2021.json'), 'utf8');
    const { textData, ...data } = res.body.data;
    expect(textData).toEqual({ emoji: {} }); // 2022+ comments carry it (docs/trello-reference.md §2.6)
    expect(keyTree({ ...res.body, data, appCreator: null })).toEqual(keyTree(JSON.parse(raw).action));
    expect(sim.comments(cardId)).toEqual([{ text: 'Ход отменён: нет ИНН', memberCreator: 'gatekeeper', date: res.body.date }]);
  });

  it('records check item state changes with the 2019 capture\'s data and display keys', () => {
    const ui = sim.ui('engineer');
    const cardId = ui.createCard('Новая заявка', 'Клиент');
    ui.addChecklist(cardId, 'Проверка', ['Схема сети']);
    ui.checkItem(cardId, 'Проверка', 'Схема сети');
    ui.checkItem(cardId, 'Проверка', 'Схема сети', false);
    const [checked, unchecked] = sim.actions({ type: 'updateCheckItemStateOnCard' });
    const fixture = fixtureAction('updateCheckItemStateOnCard-2019.json');
    expect(keyTree(checked?.data)).toEqual(keyTree(fixture.data));
    expect(keyTree(checked?.display)).toEqual(keyTree(fixture.display));
    expect(checked?.display.translationKey).toBe('action_completed_checkitem');
    expect(unchecked?.display.translationKey).toBe('action_marked_checkitem_incomplete');
    expect(unchecked?.data.checkItem).toMatchObject({ state: 'incomplete', name: 'Схема сети' });
  });

  it('lists a card\'s moves and comments newest first by default, without display', async () => {
    const ui = sim.ui('manager');
    const cardId = ui.createCard('Новая заявка', 'Клиент');
    ui.moveCard(cardId, 'Сбор данных');
    ui.comment(cardId, 'первый');
    await api.put(`/cards/${cardId}`, { name: 'Клиент 2' });
    const res = await api.get(`/cards/${cardId}/actions`);
    expect(res.body.map((a: TrelloAction) => a.type)).toEqual(['commentCard', 'updateCard']);
    expect(res.body[1].data.listAfter.name).toBe('Сбор данных');
    expect(res.body[0]).not.toHaveProperty('display');
    const created = await api.get(`/cards/${cardId}/actions`, { filter: 'createCard' });
    expect(created.body).toHaveLength(1);
    const all = await api.get(`/cards/${cardId}/actions`, { filter: 'all', display: 'true' });
    expect(all.body.map((a: TrelloAction) => a.display.translationKey)).toEqual([
      'action_renamed_card', 'action_comment_on_card', 'action_move_card_from_list_to_list', 'action_create_card',
    ]);
  });

  it('gives actions ObjectIds whose first 8 hex digits are the creation second', () => {
    const before = Math.floor(Date.now() / 1000);
    sim.ui('manager').createCard('Новая заявка', 'Клиент');
    const [action] = sim.actions();
    expect(action?.id).toMatch(/^[0-9a-f]{24}$/);
    const seconds = parseInt(action?.id.slice(0, 8) ?? '', 16);
    expect(seconds).toBeGreaterThanOrEqual(before);
    expect(seconds).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(action?.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('records archive and reorder as their own updateCard variants', async () => {
    const ui = sim.ui('manager');
    const first = ui.createCard('Новая заявка', 'A');
    ui.createCard('Новая заявка', 'B');
    await api.put(`/cards/${first}`, { pos: 'bottom' });
    await api.put(`/cards/${first}`).send({ closed: true });
    const keys = sim.actions({ type: 'updateCard', cardId: first }).map((a) => a.display.translationKey);
    expect(keys).toEqual(['action_moved_card_lower', 'action_archived_card']);
    const listed = await api.get(`/boards/${demo.boardId}/cards`, { fields: 'name' });
    expect(listed.body.map((c: { name: string }) => c.name)).toEqual(['B']);
  });
});
