import { startTrelloSimulator, type DemoBoard, type TrelloSimulator } from '../simulator';
import { simClient } from './support/sim-client';

describe('creating lists', () => {
  let sim: TrelloSimulator;
  let demo: DemoBoard;
  let api: ReturnType<typeof simClient>;

  beforeAll(async () => {
    sim = await startTrelloSimulator({ appSecret: 'secret' });
    demo = sim.seedDemoBoard(['Новая заявка', 'Договор и оплата']);
    api = simClient(sim, demo.members.gatekeeper.token);
  });

  afterAll(() => sim.close());

  const names = async () => ((await api.get(`/boards/${demo.boardId}/lists`)).body as { name: string }[]).map((l) => l.name);

  it('POST /lists puts the new list at the position given and answers with it', async () => {
    const res = await api.post('/lists', { name: 'Сбор данных', idBoard: demo.boardId, pos: '24576' });

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/), name: 'Сбор данных', closed: false, color: null, idBoard: demo.boardId,
      pos: 24576, subscribed: false, softLimit: null,
    });
    expect(await names()).toEqual(['Новая заявка', 'Сбор данных', 'Договор и оплата']);
  });

  it('records createList with the list and the board, as Trello does', async () => {
    const [action] = sim.actions({ type: 'createList' });
    expect(action).toMatchObject({
      type: 'createList',
      idMemberCreator: demo.members.gatekeeper.id,
      appCreator: { id: demo.appId },
      data: { list: { name: 'Сбор данных' }, board: { id: demo.boardId } },
    });
  });

  it('POST /boards/{id}/lists takes top and bottom; without pos the list goes last', async () => {
    expect((await api.post(`/boards/${demo.boardId}/lists`, { name: 'Входящие', pos: 'top' })).status).toBe(200);
    expect((await api.post(`/boards/${demo.boardId}/lists`, { name: 'Архив' })).status).toBe(200);
    expect(await names()).toEqual(['Входящие', 'Новая заявка', 'Сбор данных', 'Договор и оплата', 'Архив']);
  });

  it('refuses a missing name, a bad pos and an unknown board', async () => {
    expect((await api.post('/lists', { idBoard: demo.boardId })).text).toBe('invalid value for name');
    expect((await api.post(`/boards/${demo.boardId}/lists`, { name: '' })).text).toBe('invalid value for name');
    expect((await api.post('/lists', { name: 'X', idBoard: demo.boardId, pos: '-1' })).text).toBe('invalid value for pos');
    expect((await api.post('/lists', { name: 'X' })).text).toBe('invalid value for idBoard');
    expect((await api.post('/lists', { name: 'X', idBoard: 'ffffffffffffffffffffffff' })).text).toBe('invalid value for idBoard');
    expect((await api.post('/boards/ffffffffffffffffffffffff/lists', { name: 'X' })).status).toBe(404);
    expect(sim.actions({ type: 'createList' })).toHaveLength(3);
  });
});
