import pino from 'pino';
import { Redis } from 'ioredis';
import { deleteKeys } from '../helpers/redis';
import { reachableOrPrivateRedis } from '../demo/private-redis';
import { startStack, type Stack } from '../stack/start-stack';
import { ROMASHKA } from '../stack/station-data';
import { startBenchWorker } from './start-bench-worker';
import { percentile, summarizeCalls } from './stats';
import { withoutDeliveries } from './without-deliveries';

/**
 * `npm run bench:burst [refused=500] [accepted=250] [lanes=both|on|off]`: on the simulator with
 * Trello's real rate limits, one burst of `refused` moves the rules refuse («Сбор данных» →
 * «Техническая экспертиза» without a stream) mixed with `accepted` allowed ones («Новая заявка» →
 * «Сбор данных»), whose arrival comments compete with the reverts for the one per-token budget.
 * Reports, with the urgent lane off and on: webhook acknowledged → card back in its list, and →
 * revert comment posted (median, p95, max); the time until every card is back and every revert
 * explained; that time against Trello's floor of 3 calls per revert. Each run stops by itself
 * after RUN_LIMIT_MS whatever is left, and cleans its Redis keys.
 */
const RUN_LIMIT_MS = 12 * 60_000;
const FROM = 'Сбор данных';
const REFUSED_TO = 'Техническая экспертиза';
const ACCEPTED_FROM = 'Новая заявка';
const CALLS_PER_REVERT = 3;
const TRELLO_PER_SECOND = 100 / 10;
const SERVICE_PER_SECOND = 90 / 10;

type Cards = { refused: string[]; accepted: string[] };

async function main(): Promise<void> {
  const refused = Number(process.argv[2] ?? 500);
  const accepted = Number(process.argv[3] ?? 250);
  const which = process.argv[4] ?? 'both';
  if (!['both', 'on', 'off'].includes(which)) throw new Error(`lanes must be both, on or off, not "${which}"`);
  const modes = which === 'both' ? [false, true] : [which === 'on'];
  const redisHandle = await reachableOrPrivateRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', console.log);
  const redis = new Redis(redisHandle.url, { maxRetriesPerRequest: null });
  try {
    const runs = [];
    for (const lanes of modes) {
      console.error(`[bench:burst] urgent lane ${lanes ? 'on' : 'off'}: ${refused} refused + ${accepted} accepted moves in one burst…`);
      runs.push(await runOnce(redisHandle.url, redis, { refused, accepted, lanes }));
    }
    const floor = {
      calls: refused * CALLS_PER_REVERT,
      atTrelloLimitS: round((refused * CALLS_PER_REVERT) / TRELLO_PER_SECOND),
      atServiceLimitS: round((refused * CALLS_PER_REVERT) / SERVICE_PER_SECOND),
    };
    console.log(JSON.stringify({ refused, accepted, revertFloor: floor, runs }, null, 2));
    console.log(sideBySide(runs, floor));
  } finally {
    await redis.quit();
    await redisHandle.stop();
  }
}

async function runOnce(redisUrl: string, redis: Redis, opts: { refused: number; accepted: number; lanes: boolean }) {
  const prefix = `gatekeeper-burst-${process.pid}-${opts.lanes ? 'on' : 'off'}`;
  const log = pino({ level: 'silent' });
  let stack: Stack | undefined;
  let worker: { stop(): Promise<void> } | undefined;
  try {
    // The web role from the product; the worker role from the bench, to switch the lane.
    stack = await startStack({ redisUrl, prefix, redis, log, env: { ROLE: 'web', EVENT_PARTITIONS: '16' } });
    const cards = await withoutDeliveries(stack, () => layOut(stack!, opts));
    worker = await startBenchWorker(stack.env, log, { lanes: opts.lanes });
    await coolDown(); // the set-up's calls must leave Trello's 10 s window first
    stack.sim.resetLogs();
    const startedAt = Date.now();
    burst(stack, cards);
    const settled = await settleWithin(stack, RUN_LIMIT_MS);
    return { lanes: opts.lanes ? 'on' : 'off', settled, ...measure(stack, cards, startedAt) };
  } finally {
    await worker?.stop();
    await stack?.stop();
    await deleteKeys(redis, prefix);
  }
}

function layOut(stack: Stack, counts: { refused: number; accepted: number }): Cards {
  const ui = stack.sim.ui('manager');
  const cards = (list: string, n: number, name: string) => Array.from({ length: n }, (_, i) => {
    const id = ui.createCard(list, `${name} ${i + 1}`);
    ui.setPluginData(id, { station: ROMASHKA.basics }); // a name and a phone: «Сбор данных» lets it in
    return id;
  });
  return { refused: cards(FROM, counts.refused, 'Радио'), accepted: cards(ACCEPTED_FROM, counts.accepted, 'Заявка') };
}

/** Every move in one go, the two kinds spread evenly through the burst, as a busy board would send them. */
function burst(stack: Stack, cards: Cards): void {
  const spread = (ids: string[], to: string) => ids.map((id, n) => ({ id, to, at: (n + 0.5) / ids.length }));
  const moves = [...spread(cards.refused, REFUSED_TO), ...spread(cards.accepted, FROM)].sort((a, b) => a.at - b.at);
  const ui = stack.sim.ui('manager');
  for (const move of moves) ui.moveCard(move.id, move.to);
}

async function settleWithin(stack: Stack, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const settled = stack.settle().then(() => true, () => false);
  try {
    return await Promise.race([settled, limit]);
  } finally {
    clearTimeout(timer);
  }
}

function measure(stack: Stack, cards: Cards, startedAt: number) {
  const { sim, board } = stack;
  const calls = sim.requests.filter((r) => r.token === board.members.gatekeeper.token);
  const firstAt = (method: string, path: string, after: number) =>
    calls.find((r) => r.method === method && r.path === path && r.status === 200 && r.at >= after)?.at;
  const acknowledged = new Map<string, number>();
  for (const d of sim.deliveries) if (d.status === 200 && !acknowledged.has(d.actionId)) acknowledged.set(d.actionId, d.at);
  const moveOf = new Map(
    sim.actions({ type: 'updateCard' })
      .filter((a) => a.idMemberCreator === board.members.manager.id)
      .map((a) => [(a.data as { card: { id: string } }).card.id, a.id]),
  );

  // Per refused card: when its move was acknowledged, when it was back, when its comment went up.
  const reverts = cards.refused.flatMap((cardId) => {
    const ackAt = acknowledged.get(moveOf.get(cardId) ?? '');
    if (ackAt === undefined) return [];
    return [{ ackAt, backAt: firstAt('PUT', `/1/cards/${cardId}`, ackAt), explainedAt: firstAt('POST', `/1/cards/${cardId}/actions/comments`, ackAt) }];
  });
  const back = reverts.flatMap((r) => (r.backAt === undefined ? [] : [r.backAt]));
  const explained = reverts.flatMap((r) => (r.explainedAt === undefined ? [] : [r.explainedAt]));
  const arrivalComments = cards.accepted.flatMap((id) => firstAt('POST', `/1/cards/${id}/actions/comments`, startedAt) ?? []);
  const sinceStart = (times: number[]) => (times.length ? seconds(Math.max(...times) - startedAt) : NaN);
  return {
    cardsBack: back.length,
    revertsExplained: explained.length,
    arrivalsAnnounced: arrivalComments.length,
    ackToCardBackMs: spreadOf(reverts.flatMap((r) => (r.backAt === undefined ? [] : [r.backAt - r.ackAt]))),
    ackToRevertCommentMs: spreadOf(reverts.flatMap((r) => (r.explainedAt === undefined ? [] : [r.explainedAt - r.ackAt]))),
    allCardsBackS: sinceStart(back),
    allRevertsExplainedS: sinceStart(explained),
    lastArrivalCommentS: sinceStart(arrivalComments),
    lastTrelloCallS: sinceStart(calls.map((r) => r.at)),
    trelloCalls: calls.length,
    trello429s: calls.filter((r) => r.status === 429).length,
    callsPerSecond: round(calls.length / sinceStart(calls.map((r) => r.at))),
    callsByKind: summarizeCalls(calls, 1),
    spentPerWindow: spentPerWindow(calls, new Set(cards.refused), startedAt),
  };
}

/** What each 10 s of the budget went on: the revert's three calls, and everything else. */
function spentPerWindow(calls: { method: string; path: string; at: number }[], refused: Set<string>, startedAt: number) {
  const windows: Record<string, number>[] = [];
  for (const call of calls) {
    const cardId = /^\/1\/cards\/([0-9a-f]{24})/.exec(call.path)?.[1] ?? '';
    const kind = !refused.has(cardId)
      ? (call.method === 'GET' ? 'otherReads' : 'otherComments')
      : ({ GET: 'revertReads', PUT: 'movesBack', POST: 'revertComments' } as Record<string, string>)[call.method] ?? 'other';
    const n = Math.floor((call.at - startedAt) / 10_000);
    windows[n] ??= {};
    windows[n]![kind] = (windows[n]![kind] ?? 0) + 1;
  }
  return Array.from(windows, (spent, n) => ({ fromS: n * 10, ...spent }));
}

function sideBySide(runs: Awaited<ReturnType<typeof runOnce>>[], floor: { calls: number; atTrelloLimitS: number; atServiceLimitS: number }): string {
  const row = (label: string, value: (run: (typeof runs)[number]) => string) =>
    `| ${label} | ${runs.map(value).join(' | ')} |`;
  const ms = (s: { median: number; p95: number; max: number }) => `${s.median} / ${s.p95} / ${s.max}`;
  const vsFloor = (s: number) => `${s} s (${round(s / floor.atTrelloLimitS)}× the ${floor.atTrelloLimitS} s floor, ${round(s / floor.atServiceLimitS)}× ${floor.atServiceLimitS} s)`;
  return [
    '',
    `| urgent lane | ${runs.map((r) => r.lanes).join(' | ')} |`,
    `| --- | ${runs.map(() => '---').join(' | ')} |`,
    row('ack → card back, median / p95 / max ms', (r) => ms(r.ackToCardBackMs)),
    row('ack → revert comment, median / p95 / max ms', (r) => ms(r.ackToRevertCommentMs)),
    row('all cards back', (r) => vsFloor(r.allCardsBackS)),
    row('all reverts explained (3 calls each)', (r) => vsFloor(r.allRevertsExplainedS)),
    row('last arrival comment', (r) => `${r.lastArrivalCommentS} s`),
    row('cards back / explained / arrivals announced', (r) => `${r.cardsBack} / ${r.revertsExplained} / ${r.arrivalsAnnounced}`),
    row('Trello calls, 429s, calls per s', (r) => `${r.trelloCalls}, ${r.trello429s}, ${r.callsPerSecond}`),
    row('settled within the run limit', (r) => String(r.settled)),
  ].join('\n');
}

const spreadOf = (values: number[]) => ({ median: percentile(values, 50), p95: percentile(values, 95), max: values.length ? Math.max(...values) : NaN });
const seconds = (ms: number) => round(ms / 1000);
const round = (n: number) => Math.round(n * 100) / 100;
const coolDown = () => new Promise((r) => setTimeout(r, 10_500));

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err);
    process.exit(1);
  },
);
