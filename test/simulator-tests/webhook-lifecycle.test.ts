import { until } from '../helpers/until';
import { startTrelloSimulator, type DemoBoard, type SimulatorOptions, type TrelloSimulator } from '../simulator';
import { startReceiver, type Receiver } from './support/start-receiver';
import { createWebhook, envelopeOf, simClient } from './support/sim-client';

describe('webhook lifecycle', () => {
  let sim: TrelloSimulator;
  let demo: DemoBoard;
  let receiver: Receiver;
  let bot: ReturnType<typeof simClient>;

  const start = async (options: Partial<SimulatorOptions> = {}, headStatus = 200) => {
    receiver = await startReceiver(headStatus);
    sim = await startTrelloSimulator({ appSecret: 'secret', deliveryRetryDelaysMs: [20, 40, 60], ...options });
    demo = sim.seedDemoBoard();
    bot = simClient(sim, demo.members.gatekeeper.token);
  };

  afterEach(async () => {
    await sim.close();
    await receiver.close();
  });

  describe('when it is created', () => {
    it('is refused with 400 when the callback does not answer HEAD with 200', async () => {
      await start({}, 404);
      const res = await bot.post('/webhooks').send({ callbackURL: receiver.url, idModel: demo.boardId });
      expect(res.status).toBe(400);
      expect(res.text).toBe(`URL (${receiver.url}) did not return 200 status code, got 404`);
      expect(receiver.heads()).toHaveLength(1);
      expect(sim.webhooks()).toEqual([]);
    });

    it('is HEAD-checked, stored with zeroed counters and listed under its token', async () => {
      await start();
      const res = await bot.post(`/tokens/${demo.members.gatekeeper.token}/webhooks`).send({
        key: sim.key, callbackURL: receiver.url, idModel: demo.boardId, description: 'Gatekeeper',
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/), description: 'Gatekeeper', idModel: demo.boardId,
        callbackURL: receiver.url, active: true, consecutiveFailures: 0, firstConsecutiveFailDate: null,
      });
      expect(receiver.heads()).toHaveLength(1);
      const listed = await bot.get(`/tokens/${demo.members.gatekeeper.token}/webhooks`);
      expect(listed.body).toEqual([res.body]);
      const otherToken = await simClient(sim, demo.members.manager.token).get(`/webhooks/${res.body.id}`);
      expect(otherToken.status).toBe(401);
    });

    it('refuses a duplicate of callback, model and token', async () => {
      await start();
      await createWebhook(sim, demo.members.gatekeeper.token, { callbackURL: receiver.url, idModel: demo.boardId });
      const again = await bot.post('/webhooks').send({ callbackURL: receiver.url, idModel: demo.boardId });
      expect(again.status).toBe(400);
      expect(again.text).toBe('A webhook with that callback, model, and token already exists');
      const otherToken = await simClient(sim, demo.members.director.token)
        .post('/webhooks')
        .send({ callbackURL: receiver.url, idModel: demo.boardId });
      expect(otherToken.status).toBe(200);
    });

    it('rejects a malformed idModel or callbackURL', async () => {
      await start();
      const badModel = await bot.post('/webhooks', { callbackURL: receiver.url, idModel: 'nope' });
      expect([badModel.status, badModel.text]).toEqual([400, 'invalid value for idModel']);
      const badUrl = await bot.post('/webhooks', { callbackURL: 'ftp://x', idModel: demo.boardId });
      expect([badUrl.status, badUrl.text]).toEqual([400, 'invalid value for callbackURL']);
    });

    it('can be read, deactivated and deleted by its token', async () => {
      await start();
      const { id } = await createWebhook(sim, demo.members.gatekeeper.token, { callbackURL: receiver.url, idModel: demo.boardId });
      expect((await bot.get(`/webhooks/${id}`)).body.id).toBe(id);
      expect((await bot.put(`/webhooks/${id}`, { active: 'false' })).body.active).toBe(false);
      sim.ui('manager').createCard('Новая заявка', 'Не доставится');
      await sim.idle();
      expect(receiver.posts()).toHaveLength(0);
      const deleted = await bot.delete(`/webhooks/${id}`);
      expect(deleted.body).toEqual({ _value: null });
      expect((await bot.get(`/webhooks/${id}`)).status).toBe(404);
    });
  });

  describe('when the callback fails', () => {
    it('retries after the configured delays until it succeeds, then resets the counters', async () => {
      await start();
      receiver.respondWith((_r, n) => ({ status: n < 2 ? 500 : 200 }));
      await createWebhook(sim, demo.members.gatekeeper.token, { callbackURL: receiver.url, idModel: demo.boardId });
      sim.ui('manager').createCard('Новая заявка', 'Клиент');
      await sim.idle();
      expect(sim.deliveries.map((d) => [d.attempt, d.status])).toEqual([[1, 500], [2, 500], [3, 200]]);
      const [first, , third] = sim.deliveries;
      expect((third?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(55); // 20 + 40 ms minus timer slack
      const lastBody = envelopeOf(receiver.posts()[2]?.raw ?? Buffer.alloc(0));
      expect(lastBody.webhook).toMatchObject({ consecutiveFailures: 2, firstConsecutiveFailDate: expect.any(String) });
      expect(sim.webhooks()[0]).toMatchObject({ consecutiveFailures: 0, firstConsecutiveFailDate: null });
    });

    it('gives up after three retries', async () => {
      await start();
      receiver.respondWith(() => ({ status: 503 }));
      await createWebhook(sim, demo.members.gatekeeper.token, { callbackURL: receiver.url, idModel: demo.boardId });
      sim.ui('manager').createCard('Новая заявка', 'Клиент');
      await sim.idle();
      expect(sim.deliveries.map((d) => d.attempt)).toEqual([1, 2, 3, 4]);
      expect(sim.webhooks()[0]).toMatchObject({ active: true, consecutiveFailures: 4 });
    });

    it('counts a response slower than the timeout as a failure', async () => {
      await start({ deliveryTimeoutMs: 50, deliveryRetryDelaysMs: [10] });
      receiver.respondWith((_r, n) => ({ status: 200, delayMs: n === 0 ? 300 : 0 }));
      await createWebhook(sim, demo.members.gatekeeper.token, { callbackURL: receiver.url, idModel: demo.boardId });
      sim.ui('manager').createCard('Новая заявка', 'Клиент');
      await sim.idle();
      expect(sim.deliveries.map((d) => [d.attempt, d.status, d.error])).toEqual([
        [1, undefined, 'timeout after 50 ms'],
        [2, 200, undefined],
      ]);
    });

    it('moves on to later actions while a failed one waits for its retry', async () => {
      await start({ deliveryRetryDelaysMs: [80] });
      receiver.respondWith((_r, n) => ({ status: n === 0 ? 500 : 200 }));
      await createWebhook(sim, demo.members.gatekeeper.token, { callbackURL: receiver.url, idModel: demo.boardId });
      const cardId = sim.ui('manager').createCard('Новая заявка', 'Клиент');
      sim.ui('manager').moveCard(cardId, 'Сбор данных');
      await sim.idle();
      expect(sim.deliveries.map((d) => [d.actionType, d.attempt, d.status])).toEqual([
        ['createCard', 1, 500],
        ['updateCard', 1, 200],
        ['createCard', 2, 200],
      ]);
    });

    it('deletes the webhook when the callback answers 410 Gone', async () => {
      await start();
      receiver.respondWith(() => ({ status: 410 }));
      await createWebhook(sim, demo.members.gatekeeper.token, { callbackURL: receiver.url, idModel: demo.boardId });
      const cardId = sim.ui('manager').createCard('Новая заявка', 'Клиент');
      sim.ui('manager').moveCard(cardId, 'Сбор данных');
      await sim.idle();
      expect(sim.deliveries.map((d) => [d.actionType, d.status])).toEqual([['createCard', 410]]);
      expect(sim.webhooks()).toEqual([]);
    });

    it('disables the webhook after the configured number of consecutive failures', async () => {
      await start({ disableAfterFailures: 3 });
      receiver.respondWith(() => ({ status: 500 }));
      await createWebhook(sim, demo.members.gatekeeper.token, { callbackURL: receiver.url, idModel: demo.boardId });
      sim.ui('manager').createCard('Новая заявка', 'Клиент');
      await sim.idle();
      expect(sim.deliveries).toHaveLength(3);
      expect(sim.webhooks()[0]).toMatchObject({ active: false, consecutiveFailures: 3 });
    });
  });

  it('stops pending retries on close so idle() and close() both settle', async () => {
    await start({ deliveryRetryDelaysMs: [60_000] });
    receiver.respondWith(() => ({ status: 500 }));
    await createWebhook(sim, demo.members.gatekeeper.token, { callbackURL: receiver.url, idModel: demo.boardId });
    sim.ui('manager').createCard('Новая заявка', 'Клиент');
    const idle = sim.idle();
    await until('the first delivery has failed', () => sim.deliveries.length === 1);
    expect(sim.deliveries).toHaveLength(1);
    await sim.close();
    await expect(idle).resolves.toBeUndefined();
  });
});
