import { BOARD_ID, LIST_ID } from './realistic-card';
import { KEY, TOKEN, useScriptedTrello } from './trello-test-kit';

const kit = useScriptedTrello('list-endpoints');
const auth = { key: KEY, token: TOKEN };
const sent = () => kit.trello.requests.map(({ method, path, query }) => ({ method, path, query }));

describe('the lists set-up reads and creates', () => {
  it('reads every list of the board with its position', async () => {
    const lists = [
      { id: LIST_ID, name: 'Согласование', closed: false, color: null, idBoard: BOARD_ID, pos: 16384 },
      { id: 'l2', name: 'Старое', closed: true, pos: 8192.5 },
    ];
    kit.trello.script('GET', `/1/boards/${BOARD_ID}/lists`, { status: 200, body: lists });

    await expect(kit.client().getBoardListPlaces(BOARD_ID)).resolves.toEqual([
      { id: LIST_ID, name: 'Согласование', closed: false, pos: 16384 },
      { id: 'l2', name: 'Старое', closed: true, pos: 8192.5 },
    ]);
    expect(sent()[0]!.query).toEqual({ filter: 'all', fields: 'id,name,closed,pos', ...auth });
  });

  it('creates a list on the board at a position and returns it', async () => {
    const created = { id: LIST_ID, name: 'Сбор данных', closed: false, color: null, idBoard: BOARD_ID, pos: 24576, subscribed: false };
    kit.trello.script('POST', '/1/lists', { status: 200, body: created });

    await expect(kit.client().createList(BOARD_ID, 'Сбор данных', 24576)).resolves.toEqual({ id: LIST_ID, name: 'Сбор данных', closed: false, pos: 24576 });
    expect(sent()).toEqual([{ method: 'POST', path: '/1/lists', query: { name: 'Сбор данных', idBoard: BOARD_ID, pos: '24576', ...auth } }]);
  });
});
