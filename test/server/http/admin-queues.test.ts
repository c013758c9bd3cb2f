import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import request from 'supertest';
import { adminRoutes } from '../../../server/http/admin-routes';
import { deleteKeys, testRedis, uniquePrefix } from '../../helpers/redis';
import { testLog } from '../../helpers/silent-log';
import { appWith } from '../../helpers/app-with';

const TOKEN = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';
const AUTH = `Bearer ${TOKEN}`;

describe('the queue dashboard at /admin/queues', () => {
  let redis: Redis;
  let prefix: string;
  let queues: Queue[];
  let app: ReturnType<typeof appWith>;

  beforeAll(async () => {
    redis = testRedis();
    prefix = uniquePrefix('admin-queues');
    queues = ['events-0', 'events-1', 'deadlines'].map((name) => new Queue(name, { connection: redis, prefix }));
    await queues[0]!.add('card-event', { actionId: 'a1' });
    await queues[0]!.add('card-event', { actionId: 'a2' });
    await queues[2]!.add('deadline', {}, { delay: 60_000 });
    app = appWith(adminRoutes({ adminToken: TOKEN, queues, log: testLog() }));
  });
  afterAll(async () => {
    await Promise.all(queues.map((q) => q.close()));
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  it('lists every queue it was given with the job counts Redis holds', async () => {
    const res = await request(app).get('/admin/queues/api/queues').set('Authorization', AUTH).expect(200);
    const byName = Object.fromEntries(res.body.queues.map((q: { name: string; counts: Record<string, number> }) => [q.name, q.counts]));
    expect(Object.keys(byName)).toEqual(['events-0', 'events-1', 'deadlines']);
    expect(byName['events-0'].waiting).toBe(2);
    expect(byName.deadlines.delayed).toBe(1);
  });

  it('serves the page and its assets under a policy without upgrade-insecure-requests, never framed', async () => {
    const page = await request(app).get('/admin/queues').set('Authorization', AUTH).expect(200).expect('content-type', /text\/html/);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers['x-powered-by']).toBeUndefined();
    const script = /<script defer src="(static\/js\/[^"]+)"/.exec(page.text)![1];
    await request(app).get(`/admin/queues/${script}`).set('Authorization', AUTH).expect(200).expect('content-type', /javascript/);
  });

  it("keeps helmet's default policy everywhere else", async () => {
    const res = await request(app).get('/healthz').expect(200);
    expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });
});
