import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import request from 'supertest';
import { adminRoutes, type AdminRoutesOptions } from '../../../server/http/admin-routes';
import { deleteKeys, testRedis, uniquePrefix } from '../../helpers/redis';
import { testLog } from '../../helpers/silent-log';
import { captureLog } from '../trello/trello-test-kit';
import { appWith } from '../../helpers/app-with';

const TOKEN = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('the admin surfaces under /admin', () => {
  let redis: Redis;
  let prefix: string;
  let queue: Queue;
  beforeAll(() => {
    redis = testRedis();
    prefix = uniquePrefix('admin-auth');
    queue = new Queue('events-0', { connection: redis, prefix });
  });
  afterAll(async () => {
    await queue.close();
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  const adminApp = (opts: Partial<AdminRoutesOptions>) =>
    appWith(adminRoutes({ adminToken: TOKEN, queues: [queue], log: testLog(), ...opts }));
  const reconcile = (router: Parameters<NonNullable<AdminRoutesOptions['extra']>>[0]) =>
    router.post('/admin/reconcile', (_req, res) => void res.status(202).json({ status: 'started' }));

  describe('without ADMIN_TOKEN', () => {
    const app = () => adminApp({ adminToken: undefined, extra: reconcile });

    it.each([
      ['GET', '/admin/queues'],
      ['GET', '/admin/queues/api/queues'],
      ['POST', '/admin/reconcile'],
      ['GET', '/admin'],
    ])('answers %s %s with 404, credentials or not', async (method, path) => {
      const bare = await request(app())[method === 'GET' ? 'get' : 'post'](path).expect(404);
      expect(bare.body).toEqual({ error: 'not_found', message: 'no such route' });
      expect(bare.headers['www-authenticate']).toBeUndefined();
      await request(app())[method === 'GET' ? 'get' : 'post'](path).set('Authorization', `Bearer ${TOKEN}`).expect(404);
    });
  });

  describe('with ADMIN_TOKEN', () => {
    it('asks a browser for the token with a Basic challenge when a request carries none', async () => {
      const res = await request(adminApp({})).get('/admin/queues').expect(401);
      expect(res.headers['www-authenticate']).toBe('Basic realm="gatekeeper admin", charset="UTF-8"');
      expect(res.body).toEqual({ error: 'unauthorized', message: 'admin token required' });
    });

    it.each([
      ['a wrong Bearer token', `Bearer ${TOKEN.slice(0, -1)}x`],
      ['the token as the Basic user name', basic(TOKEN, 'password')],
      ['a wrong Basic password', basic('operator', 'not-the-token')],
      ['the token with something appended', `Bearer ${TOKEN}0`],
      ['an empty Bearer token', 'Bearer '],
      ['another scheme', `Token ${TOKEN}`],
    ])('refuses %s with 401', async (_name, authorization) => {
      const res = await request(adminApp({})).get('/admin/queues/api/queues').set('Authorization', authorization).expect(401);
      expect(res.headers['www-authenticate']).toMatch(/^Basic realm="gatekeeper admin"/);
    });

    it('logs a wrong token, but not a first visit without one, and never the token offered', async () => {
      const capture = captureLog();
      const app = adminApp({ log: capture.log });
      await request(app).get('/admin/queues').expect(401);
      expect(capture.lines()).toEqual([]);
      await request(app).get('/admin/queues').set('Authorization', basic('operator', 'guess-1234')).expect(401);
      expect(capture.lines()).toEqual([expect.objectContaining({ msg: 'admin request with a wrong token', path: '/admin/queues' })]);
      expect(capture.text()).not.toContain('guess-1234');
    });

    it('lets the token in as a Bearer token', async () => {
      const res = await request(adminApp({})).get('/admin/queues/api/queues').set('Authorization', `Bearer ${TOKEN}`).expect(200);
      expect(res.body.queues.map((q: { name: string }) => q.name)).toEqual(['events-0']);
    });

    it('lets the token in as the Basic password under any user name', async () => {
      for (const user of ['operator', 'someone-else', '']) {
        const res = await request(adminApp({})).get('/admin/queues').set('Authorization', basic(user, TOKEN)).expect(200);
        expect(res.text).toContain('<base href="/admin/queues/"');
      }
    });

    it("puts the lead's extra admin handlers behind the same door", async () => {
      const app = adminApp({ extra: reconcile });
      await request(app).post('/admin/reconcile').expect(401);
      const res = await request(app).post('/admin/reconcile').set('Authorization', `Bearer ${TOKEN}`).expect(202);
      expect(res.body).toEqual({ status: 'started' });
    });

    it("refuses a change another site's page triggers with the browser's remembered credentials", async () => {
      const app = adminApp({ extra: reconcile });
      const send = (site?: string) => {
        const req = request(app).post('/admin/reconcile').set('Authorization', basic('operator', TOKEN));
        return site === undefined ? req : req.set('Sec-Fetch-Site', site);
      };
      expect((await send('cross-site').expect(403)).body.error).toBe('forbidden');
      await send('same-site').expect(403);
      await send('same-origin').expect(202);
      await send().expect(202); // curl and scripts send neither Sec-Fetch-Site nor Origin
      // Over plain HTTP on a host name browsers send no Sec-Fetch-Site, but they do send Origin.
      const fromPage = (origin: string) => send().set('Host', 'gk.internal:3000').set('Origin', origin);
      await fromPage('http://elsewhere.example').expect(403);
      await fromPage('http://gk.internal:3001').expect(403);
      await fromPage('null').expect(403);
      await fromPage('http://gk.internal:3000').expect(202);
      // Reading is harmless: a link from elsewhere still opens the dashboard.
      await request(app).get('/admin/queues').set('Authorization', basic('operator', TOKEN)).set('Sec-Fetch-Site', 'cross-site').expect(200);
    });

    it('leaves paths that merely start with /admin alone', async () => {
      await request(adminApp({})).get('/administrator').expect(404);
    });
  });
});
