import { TrelloUnrecoverableError } from '../../../server/trello/errors';
import { CARD_ID, LIST_ID, POWERUP_ID, realisticCard } from './realistic-card';
import { KEY, TOKEN, useScriptedTrello } from './trello-test-kit';

const kit = useScriptedTrello('get-card');
const cardPath = `/1/cards/${CARD_ID}`;
describe('getCard', () => {
  it('reads list, checklists and pluginData in exactly one request, credentials in the query', async () => {
    kit.trello.script('GET', cardPath, { status: 200, body: realisticCard() });

    await kit.client().getCard(CARD_ID);

    expect(kit.trello.requests).toEqual([
      {
        method: 'GET',
        path: cardPath,
        at: expect.any(Number),
        query: {
          fields: 'id,name,idList,idBoard,closed,shortUrl,url,idShort',
          list: 'true',
          checklists: 'all',
          checklist_fields: 'name',
          checkItem_fields: 'name,state',
          pluginData: 'true',
          key: KEY,
          token: TOKEN,
        },
      },
    ]);
  });

  it('parses a realistic card and drops the fields it does not know', async () => {
    kit.trello.script('GET', cardPath, { status: 200, body: realisticCard() });

    const card = await kit.client().getCard(CARD_ID);

    expect(card).toEqual({
      id: CARD_ID,
      name: 'Договор с ООО «Ромашка»',
      idList: LIST_ID,
      idBoard: '64a71f6e0d329c0520180a2b',
      closed: false,
      idShort: 680,
      shortUrl: 'https://trello.com/c/9bgtXcEQ',
      url: 'https://trello.com/c/9bgtXcEQ/680-dogovor',
      list: { id: LIST_ID, name: 'Согласование' },
      checklists: [
        {
          id: '65cbec7a0d6f0c9a2b9f1a01',
          name: 'Документы',
          checkItems: [
            { id: '65cbec7a0d6f0c9a2b9f1a02', name: 'Договор подписан', state: 'complete' },
            { id: '65cbec7a0d6f0c9a2b9f1a03', name: 'Счёт выставлен', state: 'incomplete' },
          ],
        },
      ],
      pluginData: [
        {
          id: '5d6cdf6da49bb9751b206db5',
          idPlugin: POWERUP_ID,
          scope: 'card',
          idModel: CARD_ID,
          value: '{"station":{"contractSigned":true,"amount":120000}}',
          access: 'shared',
        },
      ],
    });
  });

  it('treats a card that comes without checklists or pluginData as having none', async () => {
    const { checklists: _c, pluginData: _p, ...bare } = realisticCard();
    kit.trello.script('GET', cardPath, { status: 200, body: bare });

    const card = await kit.client().getCard(CARD_ID);

    expect(card.checklists).toEqual([]);
    expect(card.pluginData).toEqual([]);
  });

  describe('when Trello answers with a shape we do not know', () => {
    it('fails for good, naming the request and the field, without retrying', async () => {
      const card = realisticCard();
      (card.checklists as { checkItems: { state: string }[] }[])[0]!.checkItems[1]!.state = 'done';
      kit.trello.script('GET', cardPath, { status: 200, body: card });

      const err = await kit.client().getCard(CARD_ID).catch((e: unknown) => e);

      expect(err).toBeInstanceOf(TrelloUnrecoverableError);
      expect(err).toMatchObject({ code: 'trello_invalid_response', status: 200, method: 'GET', path: cardPath });
      expect((err as Error).message).toMatch(/^\[trello\] GET \/1\/cards\/65cbec641a05d516bef5d34d answered 200/);
      expect((err as Error).message).toContain('checklists.0.checkItems.1.state');
      expect((err as Error).message).toContain('server/trello/schema.ts');
      expect(kit.trello.requests).toHaveLength(1);
    });

    it('fails for good when the body is not JSON at all', async () => {
      kit.trello.script('GET', cardPath, { status: 200, body: '<html>maintenance</html>' });

      const err = await kit.client().getCard(CARD_ID).catch((e: unknown) => e);

      expect(err).toBeInstanceOf(TrelloUnrecoverableError);
      expect((err as Error).message).toContain('body is not JSON: <html>maintenance</html>');
    });
  });
});
