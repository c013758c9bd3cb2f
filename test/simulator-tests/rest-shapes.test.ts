import { startTrelloSimulator, type DemoBoard, type TrelloSimulator } from '../simulator';
import { simClient } from './support/sim-client';

const DEFAULT_CARD_KEYS = [
  'id', 'badges', 'checkItemStates', 'closed', 'dateLastActivity', 'desc', 'descData', 'due', 'start', 'idBoard',
  'idChecklists', 'idLabels', 'idList', 'idMembers', 'idShort', 'idAttachmentCover', 'manualCoverAttachment',
  'labels', 'name', 'pos', 'shortUrl', 'url',
];
const CHECK_ITEM_KEYS = ['id', 'name', 'nameData', 'pos', 'state', 'idChecklist', 'due', 'dueReminder', 'idMember'];

describe('REST response shapes', () => {
  let sim: TrelloSimulator;
  let demo: DemoBoard;
  let cardId: string;
  let api: ReturnType<typeof simClient>;

  beforeAll(async () => {
    sim = await startTrelloSimulator({ appSecret: 'secret' });
    demo = sim.seedDemoBoard();
    api = simClient(sim, demo.members.gatekeeper.token);
    const manager = sim.ui('manager');
    cardId = manager.createCard('Новая заявка', 'ООО «Ромашка»');
    manager.addChecklist(cardId, 'Документы', ['Устав', 'ИНН']);
    manager.checkItem(cardId, 'Документы', 'ИНН');
    manager.setPluginData(cardId, { station: { inn: '7701234567' } });
  });

  afterAll(() => sim.close());

  it('answers GET /cards/{id} with exactly the swagger default fields', async () => {
    const res = await api.get(`/cards/${cardId}`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual([...DEFAULT_CARD_KEYS].sort());
    expect(res.body).toMatchObject({ id: cardId, name: 'ООО «Ромашка»', idList: demo.lists['Новая заявка'], closed: false });
    expect(res.body.badges).toMatchObject({ checkItems: 2, checkItemsChecked: 1, comments: 0 });
  });

  it('narrows to the requested fields and always keeps the id', async () => {
    const res = await api.get(`/cards/${cardId}`, { fields: 'name,idList' });
    expect(res.body).toEqual({ id: cardId, name: 'ООО «Ромашка»', idList: demo.lists['Новая заявка'] });
  });

  it('nests the list, checklists, pluginData, members and board on request', async () => {
    const res = await api.get(`/cards/${cardId}`, {
      list: 'true', checklists: 'all', pluginData: 'true', members: 'true', board: 'true', fields: 'name',
    });
    expect(res.body.list).toEqual({ id: demo.lists['Новая заявка'], name: 'Новая заявка', closed: false, idBoard: demo.boardId, pos: 16384 });
    const [checklist] = res.body.checklists;
    expect(Object.keys(checklist)).toEqual(['id', 'name', 'idBoard', 'idCard', 'pos', 'checkItems']);
    expect(Object.keys(checklist.checkItems[0])).toEqual(CHECK_ITEM_KEYS);
    expect(checklist.checkItems.map((i: { name: string; state: string }) => [i.name, i.state])).toEqual([
      ['Устав', 'incomplete'],
      ['ИНН', 'complete'],
    ]);
    expect(res.body.pluginData).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        idPlugin: demo.powerUpId,
        scope: 'card',
        idModel: cardId,
        value: '{"station":{"inn":"7701234567"}}',
        access: 'shared',
      },
    ]);
    expect(res.body.members).toEqual([]);
    expect(res.body.board).toMatchObject({ id: demo.boardId, name: 'Подключение клиентов' });
  });

  it('narrows nested checklists and items with checklist_fields and checkItem_fields', async () => {
    const res = await api.get(`/cards/${cardId}`, {
      fields: 'name', checklists: 'all', checklist_fields: 'name', checkItem_fields: 'name,state',
    });
    expect(res.body.checklists).toEqual([
      {
        id: expect.any(String),
        name: 'Документы',
        checkItems: [
          { id: expect.any(String), name: 'Устав', state: 'incomplete' },
          { id: expect.any(String), name: 'ИНН', state: 'complete' },
        ],
      },
    ]);
  });

  it('returns a card\'s checklists with their items', async () => {
    const res = await api.get(`/cards/${cardId}/checklists`);
    expect(res.body).toHaveLength(1);
    expect(res.body[0]).toMatchObject({ name: 'Документы', idCard: cardId, idBoard: demo.boardId });
  });

  it('lists the board\'s open lists in order with Trello\'s list fields', async () => {
    const res = await api.get(`/boards/${demo.boardId}/lists`);
    expect(res.body.map((l: { name: string }) => l.name)).toEqual(Object.keys(demo.lists));
    expect(Object.keys(res.body[0])).toEqual(['id', 'name', 'closed', 'color', 'idBoard', 'pos', 'subscribed', 'softLimit']);
    const narrowed = await api.get(`/boards/${demo.boardId}/lists`, { filter: 'all', fields: 'id,name,closed' });
    expect(narrowed.body[0]).toEqual({ id: demo.lists['Новая заявка'], name: 'Новая заявка', closed: false });
  });

  it('lists board members with id, fullName and username by default', async () => {
    const res = await api.get(`/boards/${demo.boardId}/members`);
    expect(res.body).toContainEqual({ id: demo.members.director.id, fullName: 'Ирина Директорова', username: 'director' });
    expect(res.body).toHaveLength(5);
    const narrowed = await api.get(`/boards/${demo.boardId}/members`, { fields: 'initials' });
    expect(narrowed.body).toContainEqual({ id: demo.members.director.id, initials: 'ИД' });
  });

  it('lists the board\'s open cards with nested pluginData and checklists', async () => {
    const res = await api.get(`/boards/${demo.boardId}/cards`, { pluginData: 'true', checklists: 'all', fields: 'name,idList' });
    expect(res.body).toHaveLength(1);
    expect(res.body[0]).toMatchObject({ id: cardId, name: 'ООО «Ромашка»', pluginData: [expect.any(Object)] });
    expect(res.body[0].checklists[0].checkItems).toHaveLength(2);
  });

  it('describes the token\'s member at /members/me', async () => {
    const res = await api.get('/members/me');
    expect(res.body).toMatchObject({ id: demo.members.gatekeeper.id, username: 'gatekeeper', fullName: 'Gatekeeper', initials: 'G' });
    expect(res.body.avatarHash).toMatch(/^[0-9a-f]{32}$/);
    const narrowed = await api.get('/members/me', { fields: 'username' });
    expect(narrowed.body).toEqual({ id: demo.members.gatekeeper.id, username: 'gatekeeper' });
  });

  it('returns the basic board like a webhook model', async () => {
    const res = await api.get(`/boards/${demo.boardId}`);
    expect(res.body).toMatchObject({ id: demo.boardId, name: 'Подключение клиентов', closed: false, idOrganization: null });
    expect(res.body.url).toMatch(/^https:\/\/trello\.com\/b\/[0-9A-Za-z]{8}\//);
  });

  it('reaches cards by shortLink as well as by id', async () => {
    const { shortLink } = sim.card(cardId);
    const res = await api.get(`/cards/${shortLink}`, { fields: 'name' });
    expect(res.body.id).toBe(cardId);
  });
});
