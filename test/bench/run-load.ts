import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pino from 'pino';
import { eventQueueName } from '../../server/queue/partition';
import { deleteKeys } from '../helpers/redis';
import { reachableOrPrivateRedis } from '../demo/private-redis';
import { STACK_APP_SECRET, startStack, type Stack } from '../stack/start-stack';
import { ROMASHKA } from '../stack/station-data';
import type { LoadPlan, LoadResult } from './load-client';
import { withoutDeliveries } from './without-deliveries';

/**
 * `npm run load [rate=1000] [seconds=30] [cards=500]`: autocannon against the service's
 * `POST /webhooks/trello` (the whole product on the simulator, ROLE=all, so the workers judge
 * while it runs), reporting how fast deliveries are acknowledged and whether any fail.
 *
 * What is sent: validly signed deliveries of card moves «Сбор данных» → «Техническая
 * экспертиза» by the manager, each a new action on one of `cards` real cards of the simulator
 * board, in the exact shape the simulator delivers (its own move of a spare card is the
 * template). They are card moves rather than ignored action types because a move is what costs
 * the route the most: signature, validation, and a job in Redis. The cards really exist, so the
 * workers really judge the moves: each is one card read, after which the worker finds the card
 * still in «Сбор данных» and records "card-moved-on" without touching the board, so the board
 * stays as the requests describe it. At Trello's 9 calls a second the workers judge a few hundred
 * of the 30 000 moves; the rest wait in the queues, exactly what a burst does to a real service,
 * and are deleted at the end. Loopback only; stops by itself within RUN_LIMIT_MS.
 */
const RUN_LIMIT_MS = 5 * 60_000;
const CONNECTIONS = 100;

async function main(): Promise<void> {
  const rate = Number(process.argv[2] ?? 1000);
  const seconds = Number(process.argv[3] ?? 30);
  const cardCount = Number(process.argv[4] ?? 500);
  setTimeout(() => {
    console.error(`[load] still running after ${RUN_LIMIT_MS / 1000} s: giving up`);
    process.exit(2);
  }, RUN_LIMIT_MS).unref();
  const redisHandle = await reachableOrPrivateRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', console.error);
  const redis = new Redis(redisHandle.url, { maxRetriesPerRequest: null });
  const prefix = `gatekeeper-load-${process.pid}`;
  let stack: Stack | undefined;
  try {
    stack = await startStack({ redisUrl: redisHandle.url, prefix, redis, log: pino({ level: 'silent' }), env: { EVENT_PARTITIONS: '16' } });
    const plan = await planFor(stack, { rate, seconds, cards: cardCount });
    stack.sim.resetLogs();
    console.error(`[load] ${rate} signed moves/s on ${cardCount} cards for ${seconds} s, ${CONNECTIONS} connections…`);
    const result = await fire(plan, (seconds + 60) * 1000);
    const after = await backlog(stack, redis, prefix);
    const calls = stack.sim.requests.filter((r) => r.token === stack!.board.members.gatekeeper.token);
    console.log(JSON.stringify({
      target: { rate, seconds, cards: cardCount, connections: CONNECTIONS },
      acknowledgement: result,
      worker: { ...after, trelloCalls: calls.length, trello429s: calls.filter((r) => r.status === 429).length },
    }, null, 2));
  } finally {
    await stack?.stop();
    await deleteKeys(redis, prefix);
    await redis.quit();
    await redisHandle.stop();
  }
}

/** Lays out the cards (the webhook off meanwhile) and takes a real delivery's shape as the template. */
async function planFor(stack: Stack, opts: { rate: number; seconds: number; cards: number }): Promise<LoadPlan> {
  const { sim, board, env } = stack;
  const ui = sim.ui('manager');
  const ids = await withoutDeliveries(stack, () => {
    const template = ui.createCard('Сбор данных', 'Шаблон');
    ui.moveCard(template, 'Техническая экспертиза');
    const cards = Array.from({ length: opts.cards }, (_, n) => {
      const id = ui.createCard('Сбор данных', `Радио ${n + 1}`);
      ui.setPluginData(id, { station: ROMASHKA.basics });
      return id;
    });
    return { template, cards };
  });
  const [move] = sim.actions({ type: 'updateCard', cardId: ids.template });
  const [webhook] = sim.webhooks().filter((w) => w.idModel === board.boardId);
  if (!move || !webhook) throw new Error('[load] no template move or no webhook on the board');
  return {
    url: `${stack.service.url}/webhooks/trello`,
    callbackUrl: `${env.PUBLIC_URL}/webhooks/trello`,
    appSecret: STACK_APP_SECRET,
    rate: opts.rate,
    seconds: opts.seconds,
    connections: CONNECTIONS,
    template: { model: await boardModel(stack), action: move as unknown as LoadPlan['template']['action'], webhook: { ...webhook } },
    cards: ids.cards.map((id) => {
      const card = sim.card(id);
      return { id, name: card.name, idShort: card.idShort, shortLink: card.shortLink };
    }),
  };
}

/** The board as Trello's REST API serves it: the `model` of a board webhook's delivery. */
async function boardModel(stack: Stack): Promise<Record<string, unknown>> {
  const url = new URL(`/1/boards/${stack.board.boardId}`, stack.sim.url);
  url.search = new URLSearchParams({ key: stack.board.key, token: stack.board.members.gatekeeper.token }).toString();
  const response = await fetch(url);
  if (!response.ok) throw new Error(`[load] GET board: ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

/** Runs load-client.ts in its own process, so the generator does not steal the service's event loop. */
function fire(plan: LoadPlan, limitMs: number): Promise<LoadResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'load-client.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const killer = setTimeout(() => child.kill('SIGKILL'), limitMs);
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stdin.end(JSON.stringify(plan));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(killer);
      if (code === 0) resolve(JSON.parse(out) as LoadResult);
      else reject(new Error(`[load] the load generator exited with ${code}`));
    });
  });
}

/** How far the workers got: moves judged (audit entries), and moves still queued. */
async function backlog(stack: Stack, redis: Redis, prefix: string) {
  const queues = Array.from({ length: stack.env.EVENT_PARTITIONS }, (_, n) => new Queue(eventQueueName(n), { connection: redis, prefix }));
  try {
    const counts = await Promise.all(queues.map((q) => q.getJobCounts('waiting', 'prioritized', 'active', 'completed', 'failed')));
    const sum = (state: string) => counts.reduce((total, c) => total + (c[state] ?? 0), 0);
    return { judged: await redis.xlen(`${prefix}:audit`), stillQueued: sum('waiting') + sum('prioritized'), failedJobs: sum('failed') };
  } finally {
    await Promise.all(queues.map((q) => q.close()));
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err);
    process.exit(1);
  },
);
