import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { registerRedisGauges, type RedisGaugeSources } from './register-redis-gauges';
import { trelloRoute } from './trello-route';

export type MoveVerdict = 'accepted' | 'reverted' | 'ignored';
export type MoveSource = 'webhook' | 'reconciliation' | 'powerup';
export type TrelloStatus = number | 'network' | 'timeout';

const VERDICTS: readonly MoveVerdict[] = ['accepted', 'reverted', 'ignored'];
const SOURCES: readonly MoveSource[] = ['webhook', 'reconciliation', 'powerup'];

// From the bench's single-digit milliseconds to the minutes a revert waits when the rate
// limiter or BullMQ's back-off holds it.
const REVERT_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

export type Metrics = {
  /** This process's registry: what GET /metrics serves. */
  registry: Registry;
  moveJudged(verdict: MoveVerdict, source: MoveSource): void;
  /** From the webhook's acknowledgement to the card being back in its list. */
  revertApplied(seconds: number): void;
  /** `path` as the requester shows it (secrets masked); it is reduced to a route here. */
  trelloResponse(method: string, path: string, status: TrelloStatus): void;
  jobFailed(queue: string): void;
  jobDeadLettered(queue: string): void;
  signatureFailure(): void;
  reconcileRepair(verdict: MoveVerdict): void;
  redisPersistent(ok: boolean): void;
};

export type MetricsOptions = RedisGaugeSources;

/**
 * Every metric the service exposes, on a registry of its own (never prom-client's global one,
 * so tests and several services in one process do not collide). Counters this process bumps,
 * plus gauges read from Redis at scrape time and Node's process metrics.
 */
export function createMetrics(opts: MetricsOptions): Metrics {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });
  registerRedisGauges(registry, opts);

  const movesJudged = new Counter({
    name: 'gatekeeper_moves_judged_total',
    help: 'Card moves judged, by verdict and by what brought the move to the judge',
    labelNames: ['verdict', 'source'] as const,
    registers,
  });
  const revertLatency = new Histogram({
    name: 'gatekeeper_revert_latency_seconds',
    help: 'Seconds from acknowledging the webhook of a refused move to the card being moved back',
    buckets: REVERT_BUCKETS,
    registers,
  });
  const trelloRequests = new Counter({
    name: 'gatekeeper_trello_requests_total',
    help: 'Attempts at Trello REST calls by method, route and HTTP status (or network / timeout)',
    labelNames: ['method', 'route', 'status'] as const,
    registers,
  });
  const trelloRateLimited = new Counter({
    name: 'gatekeeper_trello_rate_limited_total',
    help: 'Trello calls answered 429 despite the shared rate limiter',
    registers,
  });
  const jobsFailed = new Counter({
    name: 'gatekeeper_jobs_failed_total',
    help: 'Job attempts that failed (BullMQ may retry them), by queue',
    labelNames: ['queue'] as const,
    registers,
  });
  const jobsDeadLettered = new Counter({
    name: 'gatekeeper_jobs_dead_lettered_total',
    help: 'Jobs given up on after their last attempt, by queue',
    labelNames: ['queue'] as const,
    registers,
  });
  const signatureFailures = new Counter({
    name: 'gatekeeper_webhook_signature_failures_total',
    help: 'Webhook deliveries refused because X-Trello-Webhook was missing or wrong',
    registers,
  });
  const reconcileRepairs = new Counter({
    name: 'gatekeeper_reconcile_repairs_total',
    help: 'Moves the reconciliation sweep found unjudged and judged, by verdict',
    labelNames: ['verdict'] as const,
    registers,
  });
  const redisPersistent = new Gauge({
    name: 'gatekeeper_redis_persistent',
    help: '1 when Redis keeps its data on disk (AOF or RDB), 0 when a restart would erase it',
    registers,
  });
  // Unknown until the persistence check has run: absent rather than a 0 that would read as "not persistent".
  redisPersistent.remove();

  // Zeros for the series we know of, so that rate() and increase() see the first event.
  for (const verdict of VERDICTS) {
    reconcileRepairs.inc({ verdict }, 0);
    for (const source of SOURCES) movesJudged.inc({ verdict, source }, 0);
  }
  for (const { name } of opts.queues) {
    jobsFailed.inc({ queue: name }, 0);
    jobsDeadLettered.inc({ queue: name }, 0);
  }

  return {
    registry,
    moveJudged: (verdict, source) => movesJudged.inc({ verdict, source }),
    revertApplied: (seconds) => revertLatency.observe(seconds),
    trelloResponse(method, path, status) {
      trelloRequests.inc({ method, route: trelloRoute(path), status: String(status) });
      if (status === 429) trelloRateLimited.inc();
    },
    jobFailed: (queue) => jobsFailed.inc({ queue }),
    jobDeadLettered: (queue) => jobsDeadLettered.inc({ queue }),
    signatureFailure: () => signatureFailures.inc(),
    reconcileRepair: (verdict) => reconcileRepairs.inc({ verdict }),
    redisPersistent: (ok) => redisPersistent.set(ok ? 1 : 0),
  };
}
