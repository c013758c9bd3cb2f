import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { createMetrics } from '../../../server/metrics/create-metrics';
import { createLastValidDelivery } from '../../../server/metrics/last-valid-delivery';
import { deleteKeys, testRedis, uniquePrefix } from '../../helpers/redis';
import { startTcpProxy } from '../../helpers/tcp-proxy';
import { captureLog } from '../trello/trello-test-kit';
import { samplesOf, scrape, valueOf } from './scrape';

describe('metrics read from Redis when Prometheus scrapes', () => {
  let redis: Redis;
  let prefix: string;
  const closers: Array<() => Promise<unknown>> = [];

  beforeEach(() => {
    redis = testRedis();
    prefix = uniquePrefix('metrics-redis');
  });
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  const queue = (name: string) => {
    const q = new Queue(name, { connection: redis, prefix });
    closers.push(() => q.close());
    return q;
  };

  it("reports each queue's waiting, active, delayed, prioritized and failed jobs as Redis holds them", async () => {
    const events = queue('events-0');
    const deadlines = queue('deadlines');
    await events.add('card-event', { n: 1 });
    await events.add('card-event', { n: 2 });
    await events.add('card-event', { n: 3 }, { priority: 5 });
    await deadlines.add('deadline', {}, { delay: 60_000 });
    // A real worker fails one job for good and holds the next one active.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const notify = queue('notify-email');
    await notify.add('fails', {}, { attempts: 1 });
    await notify.add('holds', {});
    const workerRedis = testRedis();
    const worker = new Worker('notify-email', async (job) => {
      if (job.name === 'fails') throw new Error('smtp refused');
      await held;
    }, { connection: workerRedis, prefix });
    closers.push(async () => {
      release();
      await worker.close();
      await workerRedis.quit();
    });
    await waitFor(async () => {
      const counts = await notify.getJobCounts('active', 'failed');
      return counts.active === 1 && counts.failed === 1;
    });

    const metrics = createMetrics({ prefix, redis, queues: [events, deadlines, notify] });
    const { samples } = await scrape(metrics);
    const jobs = (q: string, state: string) => valueOf(samples, 'gatekeeper_queue_jobs', { queue: q, state });
    expect(jobs('events-0', 'waiting')).toBe(2);
    expect(jobs('events-0', 'prioritized')).toBe(1);
    expect(jobs('events-0', 'active')).toBe(0);
    expect(jobs('deadlines', 'delayed')).toBe(1);
    expect(jobs('notify-email', 'active')).toBe(1);
    expect(jobs('notify-email', 'failed')).toBe(1);
    expect(samplesOf(samples, 'gatekeeper_queue_jobs')).toHaveLength(3 * 5);

    await events.add('card-event', { n: 4 });
    expect(valueOf((await scrape(metrics)).samples, 'gatekeeper_queue_jobs', { queue: 'events-0', state: 'waiting' })).toBe(3);
  });

  it('reports when each board last had a correctly signed delivery, whichever process recorded it', async () => {
    const metrics = createMetrics({ prefix, redis, queues: [] });
    // The web process's own connection: the store is shared through Redis, not through memory.
    const webRedis = testRedis();
    closers.push(() => webRedis.quit());
    const web = createLastValidDelivery({ redis: webRedis, prefix });
    await web.record('board-a', new Date('2026-03-02T09:00:00.000Z'));
    await web.record('board-b', new Date('2026-03-02T09:30:00.500Z'));
    await web.record('board-a', new Date('2026-03-02T10:00:00.000Z'));

    const { samples } = await scrape(metrics);
    const last = (board: string) => valueOf(samples, 'gatekeeper_webhook_last_valid_delivery_timestamp_seconds', { board });
    expect(last('board-a')).toBe(Date.parse('2026-03-02T10:00:00.000Z') / 1000);
    expect(last('board-b')).toBe(Date.parse('2026-03-02T09:30:00.500Z') / 1000);
  });

  it('leaves the Redis-derived series out of a scrape that Redis does not answer in time, says so, and still answers', async () => {
    const proxy = await startTcpProxy();
    closers.push(() => proxy.close());
    // A worker-style connection: it waits for Redis to come back instead of failing each command.
    const flaky = new Redis(proxy.url, { maxRetriesPerRequest: null });
    closers.push(async () => flaky.disconnect());
    await createLastValidDelivery({ redis: flaky, prefix }).record('board-a');
    const capture = captureLog();
    const metrics = createMetrics({ prefix, redis: flaky, queues: [queue('events-0')], log: capture.log, timeoutMs: 300 });
    expect(samplesOf((await scrape(metrics)).samples, 'gatekeeper_webhook_last_valid_delivery_timestamp_seconds')).toHaveLength(1);

    await proxy.cut();
    const started = Date.now();
    const { samples } = await scrape(metrics);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(samplesOf(samples, 'gatekeeper_webhook_last_valid_delivery_timestamp_seconds')).toEqual([]);
    // The queue reads through its own connection, which still answers; so do the process's own counters.
    expect(valueOf(samples, 'gatekeeper_queue_jobs', { queue: 'events-0', state: 'waiting' })).toBe(0);
    expect(valueOf(samples, 'gatekeeper_webhook_signature_failures_total')).toBe(0);
    expect(capture.lines()).toContainEqual(expect.objectContaining({
      metric: 'gatekeeper_webhook_last_valid_delivery_timestamp_seconds', msg: 'metric not collected: Redis did not answer',
    }));

    await proxy.restore();
    await waitFor(async () =>
      samplesOf((await scrape(metrics)).samples, 'gatekeeper_webhook_last_valid_delivery_timestamp_seconds').length === 1,
    );
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
