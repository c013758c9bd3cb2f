import pino from 'pino';
import { Redis } from 'ioredis';
import { deleteKeys } from '../helpers/redis';
import { reachableOrPrivateRedis } from '../demo/private-redis';
import { startStack, type Stack } from '../stack/start-stack';
import { ROMASHKA } from '../stack/station-data';
import { percentile, summarizeCalls } from './stats';

/**
 * `npm run bench [moves] [paceMs]`: on the simulator with Trello's real rate limits, measures
 * (1) the time from the service acknowledging a move's webhook to the revert landing on the board,
 * (2) Trello calls per reverted and per accepted move. Moves are paced to stay under the per-token
 * limit (100 per 10 s), so the figures show the service, not the limiter's queue.
 */
async function main(): Promise<void> {
  const moves = Number(process.argv[2] ?? 200);
  const paceMs = Number(process.argv[3] ?? 400);
  const redisHandle = await reachableOrPrivateRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', console.log);
  const redis = new Redis(redisHandle.url, { maxRetriesPerRequest: null });
  const prefix = `gatekeeper-bench-${process.pid}`;
  let stack: Stack | undefined;
  try {
    stack = await startStack({ redisUrl: redisHandle.url, prefix, redis, log: pino({ level: 'silent' }) });
    const report = await measure(stack, moves, paceMs);
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await stack?.stop();
    await deleteKeys(redis, prefix);
    await redis.quit();
    await redisHandle.stop();
  }
}

async function measure(stack: Stack, moves: number, paceMs: number) {
  const { sim, board } = stack;
  const cards = Array.from({ length: 20 }, (_, n) => {
    const id = sim.ui('manager').createCard('Новая заявка', `Радио ${n}`);
    sim.ui('manager').setPluginData(id, { station: ROMASHKA.basics });
    return id;
  });
  await stack.settle();
  const isService = (token: string | null) => token === board.members.gatekeeper.token;

  // Reverted: «Сбор данных» → «Техническая экспертиза» without a stream.
  for (const id of cards) sim.ui('director').moveCard(id, 'Сбор данных');
  await stack.settle();
  await coolDown(); // the set-up's calls must leave Trello's 10 s window before measuring
  sim.resetLogs();
  const started = Date.now();
  for (let i = 0; i < moves; i++) {
    sim.ui('manager').moveCard(cards[i % cards.length]!, 'Техническая экспертиза');
    await new Promise((r) => setTimeout(r, paceMs));
    if (i % cards.length === cards.length - 1) await stack.settle(); // the next round moves the same cards
  }
  await stack.settle();
  const revertMs = revertLatencies(stack);
  const revertCalls = summarizeCalls(sim.requests.filter((r) => isService(r.token)), moves);
  const wallSeconds = (Date.now() - started) / 1000;

  // Accepted: back and forth between «Новая заявка» and «Сбор данных» (both allowed).
  await coolDown();
  sim.resetLogs();
  const accepted = Math.min(moves, 100);
  for (let i = 0; i < accepted; i++) {
    const id = cards[i % cards.length]!;
    sim.ui('manager').moveCard(id, sim.card(id).listName === 'Сбор данных' ? 'Новая заявка' : 'Сбор данных');
    await new Promise((r) => setTimeout(r, paceMs));
    if (i % cards.length === cards.length - 1) await stack.settle();
  }
  await stack.settle();
  const acceptedCalls = summarizeCalls(sim.requests.filter((r) => isService(r.token)), accepted);

  return {
    reverted: { moves, paceMs, wallSeconds, webhookToRevertMs: { median: percentile(revertMs, 50), p95: percentile(revertMs, 95), max: Math.max(...revertMs) }, trelloCallsPerMove: revertCalls },
    accepted: { moves: accepted, trelloCallsPerMove: acceptedCalls },
    rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
  };
}

const coolDown = () => new Promise((r) => setTimeout(r, 10_500));

/** Acknowledged delivery of each refused move → the service's PUT that moved the card back. */
function revertLatencies(stack: Stack): number[] {
  const { sim, board } = stack;
  const puts = sim.requests.filter((r) => r.method === 'PUT' && r.token === board.members.gatekeeper.token && r.status === 200);
  const refused = sim.actions({ type: 'updateCard' }).filter((a) => a.idMemberCreator === board.members.manager.id);
  return refused.flatMap((action) => {
    const delivered = sim.deliveries.find((d) => d.actionId === action.id && d.status === 200);
    const cardId = (action.data as { card: { id: string } }).card.id;
    const revert = puts.find((p) => p.path === `/1/cards/${cardId}` && delivered && p.at >= delivered.at);
    return delivered && revert ? [revert.at - delivered.at] : [];
  });
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err);
    process.exit(1);
  },
);
