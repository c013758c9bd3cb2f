import request from 'supertest';
import { startTrelloSimulator, type DemoBoard, type TrelloSimulator } from '../simulator';
import { simClient } from './support/sim-client';

describe('errors and fault injection', () => {
  let sim: TrelloSimulator;
  let demo: DemoBoard;
  let bot: ReturnType<typeof simClient>;
  let cardId: string;

  beforeEach(async () => {
    sim = await startTrelloSimulator({ appSecret: 'secret' });
    demo = sim.seedDemoBoard();
    bot = simClient(sim, demo.members.gatekeeper.token);
    cardId = sim.ui('manager').createCard('Новая заявка', 'Клиент');
  });

  afterEach(() => sim.close());

  describe('when the credentials are wrong', () => {
    it('answers 401 invalid key in plain text', async () => {
      const res = await request(sim.url).get('/1/members/me').query({ key: '0'.repeat(32), token: demo.members.gatekeeper.token });
      expect([res.status, res.text]).toEqual([401, 'invalid key']);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
    });

    it('answers 401 invalid token for an unknown or missing token', async () => {
      const unknown = await request(sim.url).get('/1/members/me').query({ key: sim.key, token: 'f'.repeat(64) });
      expect([unknown.status, unknown.text]).toEqual([401, 'invalid token']);
      const missing = await request(sim.url).get('/1/members/me').query({ key: sim.key });
      expect([missing.status, missing.text]).toEqual([401, 'invalid token']);
    });

    it('accepts the OAuth Authorization header instead of query parameters', async () => {
      const res = await request(sim.url)
        .get('/1/members/me')
        .set('Authorization', `OAuth oauth_consumer_key="${sim.key}", oauth_token="${demo.members.director.token}"`);
      expect(res.body.username).toBe('director');
    });
  });

  describe('when ids are malformed or unknown', () => {
    it('answers 400 invalid id for a malformed path id', async () => {
      const res = await bot.get('/cards/not-an-id');
      expect([res.status, res.text]).toEqual([400, 'invalid id']);
    });

    it('answers 404 for a well-formed id that does not exist', async () => {
      const res = await bot.get(`/cards/${'a'.repeat(24)}`);
      expect([res.status, res.text]).toEqual([404, 'The requested resource was not found.']);
    });

    it('answers 400 invalid value for a bad idList or pos and changes nothing', async () => {
      const badList = await bot.put(`/cards/${cardId}`, { idList: 'xyz' });
      expect([badList.status, badList.text]).toEqual([400, 'invalid value for idList']);
      const unknownList = await bot.put(`/cards/${cardId}`, { idList: 'b'.repeat(24) });
      expect(unknownList.status).toBe(400);
      const badPos = await bot.put(`/cards/${cardId}`, { pos: 'middle' });
      expect([badPos.status, badPos.text]).toEqual([400, 'invalid value for pos']);
      expect(sim.card(cardId).listName).toBe('Новая заявка');
      expect(sim.actions({ type: 'updateCard' })).toEqual([]);
    });
  });

  it('takes PUT parameters from a JSON body or a form body', async () => {
    const json = await bot.put(`/cards/${cardId}`).send({ idList: demo.lists['Сбор данных'], pos: 'top' });
    expect(json.body.idList).toBe(demo.lists['Сбор данных']);
    const form = await bot.put(`/cards/${cardId}`).type('form').send({ idList: demo.lists['Подключение'] ?? '' });
    expect(form.body.idList).toBe(demo.lists['Подключение']);
    expect(sim.actions({ type: 'updateCard' })).toHaveLength(2);
  });

  describe('failNext', () => {
    it('answers the matching request with the given status before anything else, once by default', async () => {
      sim.failNext({ method: 'PUT', path: /^\/1\/cards\//, status: 500 });
      const get = await bot.get(`/cards/${cardId}`);
      expect(get.status).toBe(200);
      const failed = await request(sim.url).put(`/1/cards/${cardId}`).query({ key: 'wrong', idList: demo.lists['Сбор данных'] ?? '' });
      expect([failed.status, failed.text]).toEqual([500, 'Internal Server Error']);
      expect(sim.actions({ type: 'updateCard' })).toEqual([]);
      const next = await bot.put(`/cards/${cardId}`, { idList: demo.lists['Сбор данных'] ?? '' });
      expect(next.status).toBe(200);
    });

    it('repeats `times` times with a custom body and leaves the rate-limit window untouched', async () => {
      sim.failNext({ path: /\/actions\/comments$/, status: 429, times: 2, body: { error: 'API_TOKEN_LIMIT_EXCEEDED', message: 'Rate limit exceeded' } });
      const first = await bot.post(`/cards/${cardId}/actions/comments`, { text: 'a' });
      const second = await bot.post(`/cards/${cardId}/actions/comments`, { text: 'b' });
      const third = await bot.post(`/cards/${cardId}/actions/comments`, { text: 'c' });
      expect([first.status, second.status, third.status]).toEqual([429, 429, 200]);
      expect(first.body).toEqual({ error: 'API_TOKEN_LIMIT_EXCEEDED', message: 'Rate limit exceeded' });
      expect(third.headers['x-rate-limit-api-token-remaining']).toBe('99');
      expect(sim.comments(cardId).map((c) => c.text)).toEqual(['c']);
    });

    it('uses Trello\'s text for the status when no body is given', async () => {
      sim.failNext({ path: /\/members\/me/, status: 404 });
      const res = await bot.get('/members/me');
      expect([res.status, res.text]).toEqual([404, 'The requested resource was not found.']);
    });
  });

  it('logs every request with its path, query, status and token until resetLogs()', async () => {
    sim.resetLogs();
    await bot.get(`/cards/${cardId}`, { fields: 'name' });
    await request(sim.url).get('/1/members/me').query({ key: sim.key });
    expect(sim.requests).toEqual([
      expect.objectContaining({ method: 'GET', path: `/1/cards/${cardId}`, status: 200, token: demo.members.gatekeeper.token }),
      expect.objectContaining({ method: 'GET', path: '/1/members/me', status: 401, token: null }),
    ]);
    expect(sim.requests[0]?.query).toMatchObject({ fields: 'name' });
    sim.resetLogs();
    expect(sim.requests).toEqual([]);
  });
});
