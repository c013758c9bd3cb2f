import { createHmac } from 'node:crypto';
import { startTrelloSimulator, type DemoBoard, type TrelloSimulator } from '../simulator';
import { startReceiver, type Receiver } from './support/start-receiver';
import { createWebhook, envelopeOf, simClient } from './support/sim-client';

const SECRET = 'power-up-oauth-secret';

/** Computed here from scratch, not with the simulator's signer (docs/trello-reference.md §1.3). */
const expectedSignature = (raw: Buffer, callbackURL: string) =>
  createHmac('sha1', SECRET).update(Buffer.concat([raw, Buffer.from(callbackURL, 'utf8')])).digest('base64');

describe('webhook deliveries', () => {
  let sim: TrelloSimulator;
  let demo: DemoBoard;
  let receiver: Receiver;

  afterEach(async () => {
    await sim.close();
    await receiver.close();
  });

  const start = async (escapeJson: boolean) => {
    receiver = await startReceiver();
    sim = await startTrelloSimulator({ appSecret: SECRET, escapeJson });
    demo = sim.seedDemoBoard();
  };

  describe('with plain UTF-8 JSON', () => {
    beforeEach(() => start(false));

    it('signs the exact bytes it sends plus the callback URL', async () => {
      const callbackURL = `${receiver.url}/webhooks/trello`;
      await createWebhook(sim, demo.members.gatekeeper.token, { callbackURL, idModel: demo.boardId });
      const cardId = sim.ui('manager').createCard('Новая заявка', 'ООО «Ромашка»');
      sim.ui('manager').moveCard(cardId, 'Сбор данных');
      await sim.idle();

      const posts = receiver.posts();
      expect(posts).toHaveLength(2);
      for (const post of posts) {
        expect(post.path).toBe('/webhooks/trello');
        expect(post.headers['content-type']).toBe('application/json');
        expect(post.headers['x-trello-webhook']).toBe(expectedSignature(post.raw, callbackURL));
        expect(post.raw.toString('utf8')).not.toContain('\n'); // compact JSON
      }
      const body = envelopeOf(posts[1]?.raw ?? Buffer.alloc(0));
      expect(Object.keys(body)).toEqual(['model', 'action', 'webhook']);
      expect(body.model).toMatchObject({ id: demo.boardId, name: 'Подключение клиентов' });
      expect(body.action).toMatchObject({ type: 'updateCard', data: { listAfter: { name: 'Сбор данных' } } });
      expect(body.webhook).toMatchObject({ callbackURL, idModel: demo.boardId, active: true, consecutiveFailures: 0 });
      expect(posts[1]?.raw.toString('utf8')).toContain('Сбор данных');
    });

    it('delivers REST actions of any token and UI actions, in action order', async () => {
      await createWebhook(sim, demo.members.gatekeeper.token, { callbackURL: receiver.url, idModel: demo.boardId });
      const cardId = sim.ui('manager').createCard('Новая заявка', 'Клиент');
      await simClient(sim, demo.members.director.token).put(`/cards/${cardId}`, { idList: demo.lists['Подключение'] ?? '' });
      await simClient(sim, demo.members.gatekeeper.token).post(`/cards/${cardId}/actions/comments`, { text: 'назад' });
      sim.ui('engineer').comment(cardId, 'понял');
      await sim.idle();
      const delivered = receiver.posts().map((p) => envelopeOf(p.raw).action);
      expect(delivered.map((a) => [a.type, a.memberCreator.username])).toEqual([
        ['createCard', 'manager'],
        ['updateCard', 'director'],
        ['commentCard', 'gatekeeper'],
        ['commentCard', 'engineer'],
      ]);
      expect(delivered.map((a) => a.id)).toEqual(sim.actions().map((a) => a.id));
      expect(sim.deliveries.map((d) => d.status)).toEqual([200, 200, 200, 200]);
    });

    it('sends a card webhook only that card\'s actions, with the card as model', async () => {
      const watched = sim.ui('manager').createCard('Новая заявка', 'Под наблюдением');
      const other = sim.ui('manager').createCard('Новая заявка', 'Другая');
      await createWebhook(sim, demo.members.gatekeeper.token, { callbackURL: receiver.url, idModel: watched });
      sim.ui('manager').moveCard(other, 'Сбор данных');
      sim.ui('manager').moveCard(watched, 'Сбор данных');
      await sim.idle();
      const [only, ...rest] = receiver.posts().map((p) => envelopeOf(p.raw));
      expect(rest).toHaveLength(0);
      expect(only?.model).toMatchObject({ id: watched, idList: demo.lists['Сбор данных'] });
    });
  });

  describe('with escapeJson like the 2021 raw capture', () => {
    beforeEach(() => start(true));

    it('escapes "/" and non-ASCII in the bytes and still verifies over them', async () => {
      const callbackURL = `${receiver.url}/webhooks/trello`;
      await createWebhook(sim, demo.members.gatekeeper.token, { callbackURL, idModel: demo.boardId });
      sim.ui('manager').createCard('Новая заявка', 'Ромашка 🌼');
      await sim.idle();

      const [post] = receiver.posts();
      const raw = post?.raw ?? Buffer.alloc(0);
      const text = raw.toString('utf8');
      expect(text).toContain('\\u0420\\u043e\\u043c\\u0430\\u0448\\u043a\\u0430'); // Ромашка
      expect(text).toContain('\\ud83c\\udf3c'); // 🌼 as a surrogate pair
      expect(text).toContain('https:\\/\\/trello.com\\/b\\/');
      expect([...raw].every((byte) => byte < 0x80)).toBe(true);
      expect(post?.headers['x-trello-webhook']).toBe(expectedSignature(raw, callbackURL));

      const reserialised = Buffer.from(JSON.stringify(JSON.parse(text)), 'utf8');
      expect(expectedSignature(reserialised, callbackURL)).not.toBe(post?.headers['x-trello-webhook']);
      expect(envelopeOf(raw).action.data).toMatchObject({ card: { name: 'Ромашка 🌼' } });
    });
  });
});
