import { createHmac } from 'node:crypto';
import { startTrelloSimulator, type DemoBoard, type TrelloAction, type TrelloSimulator } from '../simulator';
import { manualClock } from '../helpers/manual-clock';
import { startReceiver, type Receiver } from './support/start-receiver';
import { createWebhook, envelopeOf, simClient } from './support/sim-client';

const SECRET = 'secret';
const UNKNOWN_CARD = 'aaaaaaaaaaaaaaaaaaaaaaaa';

/** Computed here from scratch, not with the simulator's signer (docs/trello-reference.md §1.3). */
const expectedSignature = (raw: Buffer, callbackURL: string) =>
  createHmac('sha1', SECRET).update(Buffer.concat([raw, Buffer.from(callbackURL, 'utf8')])).digest('base64');

describe('deleting a card', () => {
  let sim: TrelloSimulator;
  let demo: DemoBoard;
  let receiver: Receiver;
  let bot: ReturnType<typeof simClient>;

  beforeEach(async () => {
    receiver = await startReceiver();
    sim = await startTrelloSimulator({ appSecret: SECRET, deliveryRetryDelaysMs: [20, 40, 60] });
    demo = sim.seedDemoBoard();
    bot = simClient(sim, demo.members.gatekeeper.token);
  });

  afterEach(async () => {
    await sim.close();
    await receiver.close();
  });

  /** The deleteCard action of docs/trello-reference.md §2.10, exactly: the card carries no name. */
  const expectDeleteShape = (action: TrelloAction | undefined, card: { id: string; idShort: number; shortLink: string }, listName: string) => {
    expect(action?.type).toBe('deleteCard');
    expect(action?.data).toEqual({
      card: { id: card.id, idShort: card.idShort, shortLink: card.shortLink },
      list: { id: demo.lists[listName], name: listName },
      board: { id: demo.boardId, name: 'Подключение клиентов', shortLink: expect.any(String) },
    });
    expect(Object.keys(action?.data.card as object)).toEqual(['id', 'idShort', 'shortLink']);
    expect(action?.limits).toEqual({});
    expect(action?.display).toEqual({
      translationKey: 'action_delete_card',
      entities: {
        idCard: { type: 'text', text: card.idShort },
        list: { type: 'list', id: demo.lists[listName], text: listName },
        memberCreator: expect.objectContaining({ type: 'member', id: action?.idMemberCreator }),
      },
    });
  };

  describe('through REST', () => {
    it('answers {"limits":{}} and the card is gone from its routes and the board listing', async () => {
      const ui = sim.ui('manager');
      const cardId = ui.createCard('Новая заявка', 'Удаляемая');
      const kept = ui.createCard('Новая заявка', 'Остаётся');
      ui.comment(cardId, 'перед удалением');
      sim.ui('engineer').setPluginData(cardId, { step: 1 });

      const res = await bot.delete(`/cards/${cardId}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ limits: {} });

      const gone = await bot.get(`/cards/${cardId}`);
      expect([gone.status, gone.text]).toEqual([404, 'The requested resource was not found.']);
      expect((await bot.get(`/cards/${cardId}/pluginData`)).status).toBe(404);
      const listed = await bot.get(`/boards/${demo.boardId}/cards`, { fields: 'name' });
      expect(listed.body.map((c: { id: string }) => c.id)).toEqual([kept]);
      expect(() => sim.card(cardId)).toThrow(/no card/);
      // The comment stays in the action log as history.
      expect(sim.comments(cardId)).toHaveLength(1);
    });

    it('delivers a signed deleteCard to a board webhook, with no card name and the bot\'s appCreator', async () => {
      const callbackURL = `${receiver.url}/webhooks/trello`;
      await createWebhook(sim, demo.members.gatekeeper.token, { callbackURL, idModel: demo.boardId });
      const cardId = sim.ui('manager').createCard('Новая заявка', 'Удаляемая');
      const { idShort, shortLink } = sim.card(cardId);
      await sim.idle();
      const before = receiver.posts().length;

      expect((await bot.delete(`/cards/${cardId}`)).status).toBe(200);
      await sim.idle();

      const posts = receiver.posts().slice(before);
      expect(posts).toHaveLength(1);
      const post = posts[0];
      expect(post?.headers['x-trello-webhook']).toBe(expectedSignature(post?.raw ?? Buffer.alloc(0), callbackURL));
      const { action, model } = envelopeOf(post?.raw ?? Buffer.alloc(0));
      expectDeleteShape(action, { id: cardId, idShort, shortLink }, 'Новая заявка');
      expect(action.appCreator).toEqual({ id: demo.appId });
      expect(action.idMemberCreator).toBe(demo.members.gatekeeper.id);
      expect(JSON.stringify(action.data)).not.toContain('Удаляемая');
      expect(model.id).toBe(demo.boardId);
      expect(sim.deliveries.at(-1)).toMatchObject({ actionType: 'deleteCard', status: 200 });
      expect(sim.actions({ type: 'deleteCard', cardId })).toEqual([action]);
    });

    it('reaches a webhook on the card\'s list too', async () => {
      await createWebhook(sim, demo.members.gatekeeper.token, { callbackURL: receiver.url, idModel: demo.lists['Новая заявка'] ?? '' });
      const cardId = sim.ui('manager').createCard('Новая заявка', 'Удаляемая');
      await bot.delete(`/cards/${cardId}`);
      await sim.idle();
      expect(sim.deliveries.map((d) => d.actionType)).toEqual(['createCard', 'deleteCard']);
    });

    it('answers an unknown card with the same 404 as the other card routes and records nothing', async () => {
      const res = await bot.delete(`/cards/${UNKNOWN_CARD}`);
      const read = await bot.get(`/cards/${UNKNOWN_CARD}`);
      expect([res.status, res.text]).toEqual([read.status, read.text]);
      expect(res.status).toBe(404);
      const cardId = sim.ui('manager').createCard('Новая заявка', 'Один раз');
      expect((await bot.delete(`/cards/${cardId}`)).status).toBe(200);
      expect((await bot.delete(`/cards/${cardId}`)).status).toBe(404);
      expect(sim.actions({ type: 'deleteCard' })).toHaveLength(1);
    });
  });

  describe('in the UI', () => {
    it('records the same shape with appCreator null and delivers it', async () => {
      await createWebhook(sim, demo.members.gatekeeper.token, { callbackURL: receiver.url, idModel: demo.boardId });
      const ui = sim.ui('engineer');
      const cardId = ui.createCard('Новая заявка', 'Клиент');
      ui.moveCard(cardId, 'Сбор данных');
      const { idShort, shortLink } = sim.card(cardId);
      ui.deleteCard(cardId);
      await sim.idle();

      const [deleted] = sim.actions({ type: 'deleteCard', cardId });
      expectDeleteShape(deleted, { id: cardId, idShort, shortLink }, 'Сбор данных');
      expect(deleted?.appCreator).toBeNull();
      expect(deleted?.memberCreator.fullName).toBe('Евгений Инженеров');
      const delivered = receiver.posts().map((p) => envelopeOf(p.raw).action);
      expect(delivered.at(-1)).toEqual(deleted);
      expect((await bot.get(`/cards/${cardId}`)).status).toBe(404);
      expect(() => ui.deleteCard(cardId)).toThrow(/no card/);
    });
  });
});

describe('deleting a card under rate limits', () => {
  it('counts the DELETE against the token window', async () => {
    const clock = manualClock();
    const sim = await startTrelloSimulator({ appSecret: SECRET, rateLimit: { windowMs: 10_000, perKey: 5, perToken: 2 }, now: clock.now });
    try {
      const demo = sim.seedDemoBoard();
      const bot = simClient(sim, demo.members.gatekeeper.token);
      const first = sim.ui('manager').createCard('Новая заявка', 'A');
      const second = sim.ui('manager').createCard('Новая заявка', 'B');
      const deleted = await bot.delete(`/cards/${first}`);
      expect(deleted.headers['x-rate-limit-api-token-remaining']).toBe('1');
      expect((await bot.delete(`/cards/${UNKNOWN_CARD}`)).status).toBe(404);
      const limited = await bot.delete(`/cards/${second}`);
      expect(limited.status).toBe(429);
      expect(limited.body).toEqual({ error: 'API_TOKEN_LIMIT_EXCEEDED', message: 'Rate limit exceeded' });
      expect(sim.card(second).name).toBe('B');
      clock.advance(10_001);
      expect((await bot.delete(`/cards/${second}`)).status).toBe(200);
    } finally {
      await sim.close();
    }
  });
});
