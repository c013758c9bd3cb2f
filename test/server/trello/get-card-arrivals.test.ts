import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEY, TOKEN, useScriptedTrello } from './trello-test-kit';

const kit = useScriptedTrello('get-card-arrivals');
// Real captured actions, as GET /1/cards/{id}/actions returns them (webhook bodies carry the same action).
const actionOf = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, '../../fixtures/trello', `${name}.json`), 'utf8')).action as Record<string, unknown>;
const moved = actionOf('updateCard-move-between-lists-2024');
const created = actionOf('createCard-2020');
const CARD = '65a7ca83c7532e93d9e8d1ec';

describe('getCardArrivals', () => {
  it("asks for the card's moves between lists and its creation, in one request", async () => {
    kit.trello.script('GET', `/1/cards/${CARD}/actions`, { status: 200, body: [] });

    await kit.client().getCardArrivals(CARD);

    expect(kit.trello.requests.map(({ path, query }) => ({ path, query }))).toEqual([
      {
        path: `/1/cards/${CARD}/actions`,
        query: {
          filter: 'updateCard:idList,createCard,copyCard,moveCardToBoard,convertToCardFromCheckItem,emailCard',
          fields: 'id,type,date,data,idMemberCreator',
          memberCreator_fields: 'username,fullName',
          limit: '50',
          key: KEY,
          token: TOKEN,
        },
      },
    ]);
  });

  it('reads the list each action put the card in and who put it there, newest first as Trello sends them', async () => {
    kit.trello.script('GET', `/1/cards/${CARD}/actions`, { status: 200, body: [moved, created] });

    const arrivals = await kit.client().getCardArrivals(CARD);

    expect(arrivals).toEqual([
      {
        id: '65a7d90edf6648c60e5add42',
        type: 'updateCard',
        date: '2024-01-17T13:41:34.244Z',
        data: { listAfter: { id: '64be843f7d08746f0889d06c', name: expect.any(String) } },
        idMemberCreator: '64ad507fe4d2e4b47b14e724',
        memberCreator: { username: 'arthurbgfconsultoria', fullName: 'Arthur' },
      },
      {
        id: '5f7073311f0aab7e1c3dd44c',
        type: 'createCard',
        date: '2020-09-27T11:10:41.983Z',
        data: { list: { id: '5f70732bb7991045f878901e', name: 'todos' } },
        idMemberCreator: '5f4fbba99b140e21cceebdb1',
        memberCreator: { username: 'theowenyoung', fullName: 'Owen Young' },
      },
    ]);
  });

  it('refuses an answer that is not a list of actions, naming the request', async () => {
    kit.trello.script('GET', `/1/cards/${CARD}/actions`, { status: 200, body: { actions: [] } });

    await expect(kit.client().getCardArrivals(CARD)).rejects.toThrow(`GET /1/cards/${CARD}/actions`);
  });
});
