import pino from 'pino';
import { Redis } from 'ioredis';
import { deleteKeys } from '../helpers/redis';
import { reachableOrPrivateRedis } from '../demo/private-redis';
import { fetchSummary } from '../demo/director-headline';
import { readRulesFile } from '../../server/config/read-rules-file';
import { seedHistory } from '../stack/seed-history';
import { startStack, type Stack } from '../stack/start-stack';
import { percentile, summarizeCalls } from './stats';

/**
 * `npm run bench:summary [requests] [stations] [months]`: the director's «Сводка» on a big board —
 * 1,000 stations with two years of history by default — through the service's real Power-Up API
 * (HTTP, the simulator's Trello, Redis under its own prefix). The first request fills the caches;
 * then `requests` more, one at a time: the time each takes, and the Redis commands and Trello calls
 * each makes. Target: a warm median under 300 ms.
 */
const TARGET_MEDIAN_MS = 300;

async function main(): Promise<void> {
  const requests = Number(process.argv[2] ?? 30);
  const stations = Number(process.argv[3] ?? 1000);
  const months = Number(process.argv[4] ?? 24);
  const redisHandle = await reachableOrPrivateRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', console.log);
  const redis = new Redis(redisHandle.url, { maxRetriesPerRequest: null });
  const prefix = `gatekeeper-bench-summary-${process.pid}`;
  let stack: Stack | undefined;
  try {
    stack = await startStack({ redisUrl: redisHandle.url, prefix, redis, log: pino({ level: 'silent' }) });
    const seedStarted = Date.now();
    const seeded = await seedHistory({
      sim: stack.sim, board: stack.board, redis, prefix, config: readRulesFile(stack.env.RULES_FILE), now: new Date(), stations, months,
    });
    const seedSeconds = (Date.now() - seedStarted) / 1000;
    const commands = countRedisCommands(prefix);
    const periods = { '90 days (default)': '', '12 months': `?from=${monthsAgo(12)}` };
    const results: Record<string, unknown> = {};
    for (const [name, query] of Object.entries(periods)) results[name] = await measure(stack, commands, query, requests);
    commands.stop();
    console.log(JSON.stringify({
      board: { months, ...seeded.counts, seedSeconds },
      requests,
      targetWarmMedianMs: TARGET_MEDIAN_MS,
      ...results,
      rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
    }, null, 2));
  } finally {
    await stack?.stop();
    await deleteKeys(redis, prefix);
    await redis.quit();
    await redisHandle.stop();
  }
}

async function measure(stack: Stack, commands: RedisCounter, query: string, requests: number) {
  const isService = (token: string | null) => token === stack.board.members.gatekeeper.token;
  const coldStarted = performance.now();
  const first = await fetchSummary(stack, query);
  const coldMs = performance.now() - coldStarted;
  stack.sim.resetLogs();
  commands.reset();
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    bytes = JSON.stringify(await fetchSummary(stack, query)).length;
    ms.push(performance.now() - started);
  }
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    cards: first.pipeline.reduce((sum, s) => sum + s.cards.length, 0),
    onboardingsInPeriod: first.onboardings.stats.count,
    answerKiB: Math.round(bytes / 1024),
    coldMs: round(coldMs),
    warmMs: { min: round(Math.min(...ms)), median: round(percentile(ms, 50)), p95: round(percentile(ms, 95)), max: round(Math.max(...ms)) },
    meetsTarget: percentile(ms, 50) < TARGET_MEDIAN_MS,
    redisPerRequest: commands.perRequest(requests),
    // The board's cards are cached for 20 s: a request after that reads them from Trello once.
    trelloCallsPerRequest: summarizeCalls(stack.sim.requests.filter((r) => isService(r.token)), requests),
  };
}

type RedisCounter = { reset(): void; perRequest(requests: number): Record<string, number>; stop(): void };

/**
 * The Redis commands this process sends on the bench's keys, by key family ("card:*:stages",
 * "audit"), pipelined ones included: every ioredis command goes through Redis#sendCommand. The
 * service runs in this process; its job queues' own polling is left out (their keys are the queues').
 */
function countRedisCommands(prefix: string): RedisCounter {
  const proto = Redis.prototype as unknown as { sendCommand: (command: { name: string; args: unknown[] }, ...rest: unknown[]) => unknown };
  const original = proto.sendCommand;
  let counts: Record<string, number> = {};
  const families = /^(card:[^:]+:|audit$|board:[^:]+:|watched)/;
  proto.sendCommand = function (this: unknown, command, ...rest) {
    const key = command.args.find((arg): arg is string => typeof arg === 'string' && arg.startsWith(`${prefix}:`));
    const family = key?.slice(prefix.length + 1).replace(/^card:[^:]+:/, 'card:*:').replace(/^board:[^:]+:/, 'board:*:');
    if (family && families.test(key!.slice(prefix.length + 1))) {
      const name = `${command.name} ${family}`;
      counts[name] = (counts[name] ?? 0) + 1;
    }
    return original.call(this, command, ...rest);
  };
  return {
    reset: () => void (counts = {}),
    perRequest(requests) {
      const per = Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, Math.round((n / requests) * 100) / 100]));
      return { ...per, total: Math.round((Object.values(counts).reduce((a, b) => a + b, 0) / requests) * 100) / 100 };
    },
    stop: () => void (proto.sendCommand = original),
  };
}

function monthsAgo(months: number): string {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(`bench:summary failed: ${err.stack ?? err.message}`);
    process.exit(1);
  },
);
