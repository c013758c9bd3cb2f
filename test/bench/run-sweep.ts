import pino from 'pino';
import { Redis } from 'ioredis';
import { requestSweep } from '../../server/reconcile/reconcile-queue';
import { createStageHistory } from '../../server/store/stage-history';
import { reachableOrPrivateRedis } from '../demo/private-redis';
import { deleteKeys } from '../helpers/redis';
import { startStack } from '../stack/start-stack';
import { ROMASHKA } from '../stack/station-data';
import { summarizeCalls } from './stats';
import { withoutDeliveries } from './without-deliveries';

/**
 * `npm run bench:sweep [cards=500] [moved=50]`: what a reconciliation sweep of one board costs, on
 * the simulator with Trello's limits. A board of `cards` cards, every one in the stage its history
 * says; a sweep (Trello calls and time); then `moved` cards dragged with the webhook off, as while
 * the service was down (half of them refused by the rules), and a sweep that finds them, with the
 * time until all are judged and put right.
 */
async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? 500);
  const moved = Number(process.argv[3] ?? 50);
  const redisHandle = await reachableOrPrivateRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', console.error);
  const redis = new Redis(redisHandle.url, { maxRetriesPerRequest: null });
  const prefix = `gatekeeper-sweep-${process.pid}`;
  const stack = await startStack({ redisUrl: redisHandle.url, prefix, redis, log: pino({ level: 'silent' }) });
  try {
    const history = createStageHistory({ redis, prefix });
    const ui = stack.sim.ui('manager');
    // Cards that predate the measurement, each with the stage entry the service would have recorded.
    const ids = await withoutDeliveries(stack, () => Array.from({ length: total }, (_, n) => {
      const id = ui.createCard('Сбор данных', `Радио ${n + 1}`);
      ui.setPluginData(id, { station: n % 2 ? ROMASHKA.basics : { ...ROMASHKA.basics, ...ROMASHKA.streams } });
      return id;
    }));
    for (const id of ids) {
      const card = stack.sim.card(id);
      await history.seed(id, { stage: 'Сбор данных', listId: card.idList, at: new Date().toISOString(), actionId: `seed-${id}` });
    }
    await new Promise((r) => setTimeout(r, 10_500)); // the set-up's calls leave Trello's 10 s window

    const inPlace = await sweepMeasured(stack, redis, prefix);
    // Moved while nobody listened: odd cards lack a stream, so their move is refused and undone.
    await withoutDeliveries(stack, () => ids.slice(0, moved).forEach((id) => ui.moveCard(id, 'Техническая экспертиза')));
    const repair = await sweepMeasured(stack, redis, prefix);
    const wrong = ids.filter((id, n) => stack.sim.card(id).listName !== (n < moved && n % 2 === 0 ? 'Техническая экспертиза' : 'Сбор данных'));
    console.log(JSON.stringify({ cards: total, moved, inPlace, repair, cardsInTheWrongListAfter: wrong.length }, null, 2));
    console.log(`\n| sweep of a ${total}-card board | Trello calls | sweep done | all judged and put right |\n| --- | --- | --- | --- |`);
    console.log(`| every card in place | ${inPlace.calls} | ${inPlace.sweepMs} ms | — |`);
    console.log(`| ${moved} moved while no webhook came (${moved / 2} refused) | ${repair.calls} | ${repair.sweepMs} ms | ${(repair.settledMs / 1000).toFixed(1)} s |`);
  } finally {
    await stack.stop();
    await deleteKeys(redis, prefix);
    await redis.quit();
    await redisHandle.stop();
  }
}

async function sweepMeasured(stack: Awaited<ReturnType<typeof startStack>>, redis: Redis, prefix: string) {
  stack.sim.resetLogs();
  const started = Date.now();
  const report = await requestSweep({ connection: redis, prefix, timeoutMs: 600_000 });
  const sweepMs = Date.now() - started;
  await stack.settle();
  const settledMs = Date.now() - started;
  const calls = stack.sim.requests.filter((r) => r.token === stack.board.members.gatekeeper.token);
  return { sweepMs, settledMs, calls: calls.length, byKind: summarizeCalls(calls, 1), report: report.boards[0] };
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
