import { BOARD_ID, CARD_ID, LIST_ID, realisticCard } from './realistic-card';
import { KEY, TOKEN, useScriptedTrello } from './trello-test-kit';

const kit = useScriptedTrello('endpoints');
const auth = { key: KEY, token: TOKEN };
const webhook = {
  id: '65a7d90edf6648c60e5add99', description: 'gatekeeper', idModel: BOARD_ID,
  callbackURL: 'https://gatekeeper.example/webhooks/trello', active: true, consecutiveFailures: 0, firstConsecutiveFailDate: null,
};
const sent = () => kit.trello.requests.map(({ method, path, query }) => ({ method, path, query }));

describe('moveCard', () => {
  it('puts the card at the top of the list unless told otherwise', async () => {
    const { list: _l, checklists: _c, pluginData: _p, ...plainCard } = realisticCard();
    kit.trello.script('PUT', `/1/cards/${CARD_ID}`, { status: 200, body: plainCard }, { status: 200, body: plainCard });

    const moved = await kit.client().moveCard(CARD_ID, LIST_ID);
    await kit.client().moveCard(CARD_ID, LIST_ID, 32768.5);

    expect(moved).toMatchObject({ id: CARD_ID, idList: LIST_ID });
    expect(sent()).toEqual([
      { method: 'PUT', path: `/1/cards/${CARD_ID}`, query: { idList: LIST_ID, pos: 'top', ...auth } },
      { method: 'PUT', path: `/1/cards/${CARD_ID}`, query: { idList: LIST_ID, pos: '32768.5', ...auth } },
    ]);
  });
});

describe('addComment', () => {
  it('posts the text, Cyrillic and line breaks intact, and returns the action id', async () => {
    kit.trello.script('POST', `/1/cards/${CARD_ID}/actions/comments`, { status: 200, body: { id: '65a7d90edf6648c60e5add42', type: 'commentCard' } });

    const comment = await kit.client().addComment(CARD_ID, '@ivan карточка возвращена:\n— нет договора & счёта');

    expect(comment).toEqual({ id: '65a7d90edf6648c60e5add42' });
    expect(sent()[0]!.query).toEqual({ text: '@ivan карточка возвращена:\n— нет договора & счёта', ...auth });
  });
});

describe('addChecklist', () => {
  it('creates the checklist, then adds its items one by one in order', async () => {
    kit.trello.script('POST', `/1/cards/${CARD_ID}/checklists`, { status: 200, body: { id: 'cl1', name: 'Документы', checkItems: [] } });
    kit.trello.always('POST', '/1/checklists/cl1/checkItems', { status: 200, body: { id: 'item', state: 'incomplete' } });

    const checklist = await kit.client().addChecklist(CARD_ID, 'Документы', ['Договор', 'Счёт', 'Акт']);

    expect(checklist).toEqual({ id: 'cl1' });
    expect(sent()).toEqual([
      { method: 'POST', path: `/1/cards/${CARD_ID}/checklists`, query: { name: 'Документы', ...auth } },
      ...['Договор', 'Счёт', 'Акт'].map((name) => ({
        method: 'POST', path: '/1/checklists/cl1/checkItems', query: { name, pos: 'bottom', ...auth },
      })),
    ]);
  });
});

describe('board reads', () => {
  it('lists every list of the board, archived ones flagged', async () => {
    const lists = [{ id: LIST_ID, name: 'Согласование', closed: false, pos: 1 }, { id: 'l2', name: 'Старое', closed: true, pos: 2 }];
    kit.trello.script('GET', `/1/boards/${BOARD_ID}/lists`, { status: 200, body: lists });

    await expect(kit.client().getBoardLists(BOARD_ID)).resolves.toEqual([
      { id: LIST_ID, name: 'Согласование', closed: false },
      { id: 'l2', name: 'Старое', closed: true },
    ]);
    expect(sent()[0]!.query).toEqual({ filter: 'all', fields: 'id,name,closed', ...auth });
  });

  it('lists the board members with the fields the worker names people by', async () => {
    kit.trello.script('GET', `/1/boards/${BOARD_ID}/members`, { status: 200, body: [{ id: 'm1', username: 'ivan', fullName: 'Иван' }] });

    await expect(kit.client().getBoardMembers(BOARD_ID)).resolves.toEqual([{ id: 'm1', username: 'ivan', fullName: 'Иван' }]);
    expect(sent()[0]!.query).toEqual({ fields: 'id,username,fullName', ...auth });
  });

  it("lists the board's open cards with their name, list, members and checklists in one request", async () => {
    const checklist = { id: 'cl1', name: 'Запуск', checkItems: [{ id: 'i1', name: 'Доступы отправлены', state: 'complete' }] };
    kit.trello.script('GET', `/1/boards/${BOARD_ID}/cards`, {
      status: 200,
      body: [{ id: CARD_ID, name: 'Радио', idList: LIST_ID, idMembers: ['m1'], checklists: [checklist] }, { id: 'c2', name: 'Эхо', idList: LIST_ID }],
    });

    await expect(kit.client().getBoardCards(BOARD_ID)).resolves.toEqual([
      { id: CARD_ID, name: 'Радио', idList: LIST_ID, idMembers: ['m1'], checklists: [checklist], pluginData: [] },
      { id: 'c2', name: 'Эхо', idList: LIST_ID, idMembers: [], checklists: [], pluginData: [] },
    ]);
    const query = { fields: 'id,name,idList,idMembers', checklists: 'all', checklist_fields: 'name', checkItem_fields: 'name,state', ...auth };
    expect(sent()).toEqual([{ method: 'GET', path: `/1/boards/${BOARD_ID}/cards`, query }]);
  });

  it("asks for the cards' Power-Up data only when told to", async () => {
    kit.trello.script('GET', `/1/boards/${BOARD_ID}/cards`, { status: 200, body: [] });
    await kit.client().getBoardCards(BOARD_ID, { pluginData: true });
    expect(sent()[0]!.query).toMatchObject({ fields: 'id,name,idList,idMembers', pluginData: 'true' });
  });

  it('puts a member on a card and reads back the members', async () => {
    kit.trello.script('POST', `/1/cards/${CARD_ID}/idMembers`, {
      status: 200, body: [{ id: 'm1', username: 'ivan', fullName: 'Иван', avatarHash: null, initials: 'И' }],
    });
    await expect(kit.client().addCardMember(CARD_ID, 'm1')).resolves.toEqual([{ id: 'm1', username: 'ivan', fullName: 'Иван' }]);
    expect(sent()).toEqual([{ method: 'POST', path: `/1/cards/${CARD_ID}/idMembers`, query: { value: 'm1', ...auth } }]);
  });

  it('reads the member the token belongs to', async () => {
    kit.trello.script('GET', '/1/members/me', { status: 200, body: { id: 'me1', username: 'gatekeeper', fullName: 'Gatekeeper', initials: 'G' } });

    await expect(kit.client().getMe()).resolves.toEqual({ id: 'me1', username: 'gatekeeper', fullName: 'Gatekeeper' });
  });
});

describe('webhooks', () => {
  it('creates, lists (under the token) and deletes webhooks', async () => {
    kit.trello.script('POST', '/1/webhooks', { status: 200, body: webhook });
    kit.trello.script('GET', `/1/tokens/${TOKEN}/webhooks`, { status: 200, body: [webhook] });
    kit.trello.script('DELETE', `/1/webhooks/${webhook.id}`, { status: 200, body: { _value: null } });
    const { callbackURL, idModel, description } = webhook;

    await expect(kit.client().createWebhook({ callbackURL, idModel, description })).resolves.toEqual(webhook);
    await expect(kit.client().listWebhooks()).resolves.toEqual([webhook]);
    await expect(kit.client().deleteWebhook(webhook.id)).resolves.toBeUndefined();

    expect(sent()).toEqual([
      { method: 'POST', path: '/1/webhooks', query: { callbackURL, idModel, description, ...auth } },
      { method: 'GET', path: `/1/tokens/${TOKEN}/webhooks`, query: auth },
      { method: 'DELETE', path: `/1/webhooks/${webhook.id}`, query: auth },
    ]);
  });

  it('leaves out a description it was not given', async () => {
    kit.trello.script('POST', '/1/webhooks', { status: 200, body: { ...webhook, description: '' } });

    await kit.client().createWebhook({ callbackURL: webhook.callbackURL, idModel: BOARD_ID });

    expect(sent()[0]!.query).toEqual({ callbackURL: webhook.callbackURL, idModel: BOARD_ID, ...auth });
  });
});

describe('ids in paths', () => {
  it('are encoded, so a hostile id cannot reach another resource', async () => {
    kit.trello.always('GET', '/1/cards/..%2Fboards%2Fx', { status: 404, body: 'not found' });

    await kit.client().getCard('../boards/x').catch(() => undefined);

    expect(sent()[0]!.path).toBe('/1/cards/..%2Fboards%2Fx');
  });
});
