import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { createMetrics, type Metrics } from '../../../server/metrics/create-metrics';
import { deleteKeys, testRedis, uniquePrefix } from '../../helpers/redis';
import { samplesOf, scrape, valueOf } from './scrape';

describe('GET /metrics', () => {
  let redis: Redis;
  let prefix: string;
  let queues: Queue[];
  let metrics: Metrics;

  beforeEach(() => {
    redis = testRedis();
    prefix = uniquePrefix('metrics');
    queues = ['events-0', 'notify-telegram'].map((name) => new Queue(name, { connection: redis, prefix }));
    metrics = createMetrics({ prefix, redis, queues });
  });
  afterEach(async () => {
    await Promise.all(queues.map((q) => q.close()));
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  it("answers in Prometheus's text format with this process's Node metrics", async () => {
    const { contentType, samples } = await scrape(metrics);
    expect(contentType).toBe(metrics.registry.contentType);
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(valueOf(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(valueOf(samples, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });

  it('starts every verdict and source of judged moves at zero, then counts each move under its own pair', async () => {
    const before = (await scrape(metrics)).samples;
    expect(samplesOf(before, 'gatekeeper_moves_judged_total')).toHaveLength(9);
    expect(samplesOf(before, 'gatekeeper_moves_judged_total').every((s) => s.value === 0)).toBe(true);

    metrics.moveJudged('reverted', 'webhook');
    metrics.moveJudged('reverted', 'webhook');
    metrics.moveJudged('accepted', 'powerup');
    metrics.moveJudged('ignored', 'reconciliation');

    const { samples } = await scrape(metrics);
    const judged = (verdict: string, source: string) => valueOf(samples, 'gatekeeper_moves_judged_total', { verdict, source });
    expect(judged('reverted', 'webhook')).toBe(2);
    expect(judged('accepted', 'powerup')).toBe(1);
    expect(judged('ignored', 'reconciliation')).toBe(1);
    expect(judged('accepted', 'webhook')).toBe(0);
  });

  it('puts revert latencies into buckets from 5 ms to 5 minutes', async () => {
    metrics.revertApplied(0.007);
    metrics.revertApplied(0.012);
    metrics.revertApplied(42);

    const { samples } = await scrape(metrics);
    const bucket = (le: string) => valueOf(samples, 'gatekeeper_revert_latency_seconds_bucket', { le });
    const bounds = samplesOf(samples, 'gatekeeper_revert_latency_seconds_bucket').map((s) => s.labels.le);
    expect(bounds[0]).toBe('0.005');
    expect(bounds.at(-2)).toBe('300');
    expect(bucket('0.005')).toBe(0);
    expect(bucket('0.01')).toBe(1);
    expect(bucket('0.025')).toBe(2);
    expect(bucket('30')).toBe(2);
    expect(bucket('60')).toBe(3);
    expect(valueOf(samples, 'gatekeeper_revert_latency_seconds_count')).toBe(3);
    expect(valueOf(samples, 'gatekeeper_revert_latency_seconds_sum')).toBeCloseTo(42.019);
  });

  it('counts failed and dead-lettered jobs per queue, the queues it was given from zero', async () => {
    metrics.jobFailed('events-0');
    metrics.jobFailed('events-0');
    metrics.jobDeadLettered('events-0');
    metrics.jobFailed('deadlines');

    const { samples } = await scrape(metrics);
    expect(valueOf(samples, 'gatekeeper_jobs_failed_total', { queue: 'events-0' })).toBe(2);
    expect(valueOf(samples, 'gatekeeper_jobs_failed_total', { queue: 'notify-telegram' })).toBe(0);
    expect(valueOf(samples, 'gatekeeper_jobs_failed_total', { queue: 'deadlines' })).toBe(1);
    expect(valueOf(samples, 'gatekeeper_jobs_dead_lettered_total', { queue: 'events-0' })).toBe(1);
    expect(valueOf(samples, 'gatekeeper_jobs_dead_lettered_total', { queue: 'notify-telegram' })).toBe(0);
  });

  it('counts webhook signature failures and reconciliation repairs by verdict', async () => {
    expect(valueOf((await scrape(metrics)).samples, 'gatekeeper_webhook_signature_failures_total')).toBe(0);
    metrics.signatureFailure();
    metrics.reconcileRepair('reverted');
    metrics.reconcileRepair('reverted');
    metrics.reconcileRepair('accepted');

    const { samples } = await scrape(metrics);
    expect(valueOf(samples, 'gatekeeper_webhook_signature_failures_total')).toBe(1);
    expect(valueOf(samples, 'gatekeeper_reconcile_repairs_total', { verdict: 'reverted' })).toBe(2);
    expect(valueOf(samples, 'gatekeeper_reconcile_repairs_total', { verdict: 'accepted' })).toBe(1);
    expect(valueOf(samples, 'gatekeeper_reconcile_repairs_total', { verdict: 'ignored' })).toBe(0);
  });

  it('reports Redis persistence only once it is known, as 1 or 0', async () => {
    expect(samplesOf((await scrape(metrics)).samples, 'gatekeeper_redis_persistent')).toEqual([]);
    metrics.redisPersistent(true);
    expect(valueOf((await scrape(metrics)).samples, 'gatekeeper_redis_persistent')).toBe(1);
    metrics.redisPersistent(false);
    expect(valueOf((await scrape(metrics)).samples, 'gatekeeper_redis_persistent')).toBe(0);
  });

  it('keeps the counts of two services in one process apart', async () => {
    const other = createMetrics({ prefix, redis, queues: [] });
    metrics.signatureFailure();
    expect(valueOf((await scrape(other)).samples, 'gatekeeper_webhook_signature_failures_total')).toBe(0);
    expect(valueOf((await scrape(metrics)).samples, 'gatekeeper_webhook_signature_failures_total')).toBe(1);
  });
});
