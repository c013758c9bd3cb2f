import { createHash } from 'node:crypto';
import request from 'supertest';
import { createWatchedBoards } from '../../../server/store/watched-boards';
import { signJwt } from '../../simulator';
import { startE2E, type E2E } from '../../e2e/e2e-kit';
import { testKeyPair } from './jwt-kit';

// A second board this deployment watches, and one it does not (the Power-Up may be enabled on both).
const OTHER_WATCHED = 'a'.repeat(24);
const UNWATCHED = 'b'.repeat(24);

describe('the Power-Up API behind Trello JWTs', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E('powerup-auth');
    await createWatchedBoards({ redis: e2e.redis, prefix: e2e.env.REDIS_PREFIX }).add(OTHER_WATCHED);
  });
  afterAll(() => e2e.close());
  const get = (path: string, token?: string) => {
    const req = request(e2e.service.url).get(path);
    return token === undefined ? req : req.set('Authorization', `Bearer ${token}`);
  };
  const statusPath = () => `/api/boards/${e2e.board.boardId}/cards/status`;
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it('answers a request that carries a token from t.jwt()', async () => {
    const res = await get('/api/rules', e2e.powerUpJwt('manager'));
    expect(res.status).toBe(200);
    expect(res.body.config.stages[0].list).toBe('Новая заявка');
  });

  describe('when the token is missing or wrong', () => {
    const cases: [string, () => { path?: string; token?: string; header?: string }, string][] = [
      ['there is no Authorization header', () => ({}), 'Authorization: Bearer <token from t.jwt> is missing'],
      ['the header is not a Bearer token', () => ({ header: `Basic ${e2e.powerUpJwt('manager')}` }), 'Authorization: Bearer <token from t.jwt> is missing'],
      ['the token has expired', () => ({ token: e2e.powerUpJwt('manager', { iat: Math.floor(Date.now() / 1000) - 1000 }) }), 'token expired'],
      ['the token is for another Power-Up', () => ({ token: e2e.powerUpJwt('manager', { idPlugin: 'f'.repeat(24) }) }), 'token is for another Power-Up'],
      ['the token is for another watched board', () => ({ path: statusPath(), token: e2e.powerUpJwt('manager', { idBoard: OTHER_WATCHED }) }), 'token is for another board'],
      ['the token is signed by another key', () => ({ token: signJwt(claimsOf(e2e.powerUpJwt('manager')), testKeyPair().privateKey) }), 'bad signature'],
      ['the token is not signed (alg "none")', () => ({ token: `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claimsOf(e2e.powerUpJwt('manager')))}.` }), 'token is not signed with RS256'],
      ['the token is not a JWT', () => ({ token: 'not-a-jwt' }), 'token is not a compact JWT'],
    ];
    it.each(cases)('answers 401 when %s, naming the check', async (_when, given, message) => {
      const { path = '/api/rules', token, header } = given();
      const req = request(e2e.service.url).get(path);
      if (token) req.set('Authorization', `Bearer ${token}`);
      if (header) req.set('Authorization', header);
      const res = await req;
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: 'unauthorized', message });
    });
  });

  describe('GET /api/rules', () => {
    it('versions the rules by the sha1 of their JSON and answers 304 when the Power-Up has them', async () => {
      const token = e2e.powerUpJwt('engineer');
      const first = await get('/api/rules', token);
      const version = createHash('sha1').update(JSON.stringify(first.body.config)).digest('hex');

      expect(first.body.version).toBe(version);
      expect(first.headers['etag']).toBe(`"${version}"`);
      expect(first.headers['cache-control']).toBe('private, max-age=60');
      const again = await get('/api/rules', token).set('If-None-Match', `"${version}"`);
      expect(again.status).toBe(304);
      expect(again.text).toBe('');
    });

    it('sends the form and the stages, not the notification routing or who holds which role', async () => {
      const { body } = await get('/api/rules', e2e.powerUpJwt('manager'));
      expect(Object.keys(body.config).sort()).toEqual(['checklists', 'fields', 'groups', 'stages']);
      expect(body.config.stages.find((stage: { list: string }) => stage.list === 'Подключение')).toEqual({
        list: 'Подключение', side: false, gate: { fields: ['contract.number', 'contract.date'], checked: ['contract.signed', 'payment.received'] },
      });
    });
  });

  describe('when the token was issued on a board this deployment does not watch', () => {
    const forbidden = { error: 'board_not_watched', message: 'this service does not enforce the board the token was issued on' };
    const token = () => e2e.powerUpJwt('manager', { idBoard: UNWATCHED });

    it.each([
      ['GET', '/api/rules'],
      ['GET', `/api/boards/${UNWATCHED}/cards/status`],
      ['POST', `/api/cards/${'c'.repeat(24)}/next-stage`],
    ])('answers %s %s with 403 and asks Trello nothing', async (method, path) => {
      e2e.sim.resetLogs();
      const req = method === 'GET' ? request(e2e.service.url).get(path) : request(e2e.service.url).post(path);
      const res = await req.set('Authorization', `Bearer ${token()}`);
      expect([res.status, res.body]).toEqual([403, forbidden]);
      expect(e2e.serviceRequests()).toEqual([]);
    });

    it('checks the signature first: a forged token learns nothing of which boards are watched', async () => {
      const forged = signJwt(claimsOf(token()), testKeyPair().privateKey);
      expect((await get('/api/rules', forged)).body).toEqual({ error: 'unauthorized', message: 'bad signature' });
    });
  });

  describe('CORS', () => {
    const preflight = (origin: string) =>
      request(e2e.service.url).options('/api/rules').set({ Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' });

    it('answers a preflight from trello.com without a token and allows the Authorization header', async () => {
      const res = await preflight('https://trello.com');
      expect(res.status).toBe(204);
      expect(res.headers).toMatchObject({
        'access-control-allow-origin': 'https://trello.com',
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': 'Authorization, Content-Type',
      });
      const get = await request(e2e.service.url).get('/api/rules').set({ Origin: 'https://trello.com', Authorization: `Bearer ${e2e.powerUpJwt('manager')}` });
      expect(get.headers['access-control-allow-origin']).toBe('https://trello.com');
    });

    it('gives no CORS headers to any other origin', async () => {
      const res = await preflight('https://evil.example');
      expect(res.status).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(res.headers['access-control-allow-headers']).toBeUndefined();
    });
  });
});

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}
