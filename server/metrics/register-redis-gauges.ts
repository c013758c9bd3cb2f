import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { Gauge, type LabelValues, type Registry } from 'prom-client';
import { createLastValidDelivery } from './last-valid-delivery';

/** The BullMQ states worth watching: work piling up, work stuck, work given up on. */
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed'] as const;

export type RedisGaugeSources = {
  prefix: string;
  redis: Redis;
  queues: readonly Queue[];
  log?: Logger;
  /** A scrape must answer even when Redis does not; default 2 s. */
  timeoutMs?: number;
};

type Reading<L extends string> = { labels: LabelValues<L>; value: number }[];

/**
 * Gauges read from Redis when Prometheus scrapes, so any process reports the state that all of
 * them share. When Redis fails to answer, these series are left out of that scrape (no stale
 * values) and the rest of the scrape still answers; /readyz says why.
 */
export function registerRedisGauges(registry: Registry, sources: RedisGaugeSources): void {
  const lastValid = createLastValidDelivery(sources);
  const gauge = <L extends string>(name: string, help: string, labelNames: L[], read: () => Promise<Reading<L>>) => {
    const metric: Gauge<L> = new Gauge({
      name, help, labelNames, registers: [registry],
      async collect() {
        try {
          const reading = await within(read(), sources.timeoutMs ?? 2_000);
          metric.reset();
          for (const { labels, value } of reading) metric.set(labels, value);
        } catch (err) {
          metric.reset();
          sources.log?.warn({ err, metric: name }, 'metric not collected: Redis did not answer');
        }
      },
    });
  };

  gauge('gatekeeper_queue_jobs', 'Jobs in each BullMQ queue by state, read from Redis at scrape time', ['queue', 'state'], async () => {
    const counts = await Promise.all(sources.queues.map((queue) => queue.getJobCounts(...QUEUE_STATES)));
    return sources.queues.flatMap((queue, i) =>
      QUEUE_STATES.map((state) => ({ labels: { queue: queue.name, state }, value: counts[i]![state] ?? 0 })),
    );
  });

  gauge(
    'gatekeeper_webhook_last_valid_delivery_timestamp_seconds',
    'Unix time of the newest correctly signed webhook delivery for each board',
    ['board'],
    async () => [...(await lastValid.all())].map(([board, at]) => ({ labels: { board }, value: at.getTime() / 1000 })),
  );
}

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
