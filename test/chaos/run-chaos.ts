import { setTimeout as sleep } from 'node:timers/promises';
import { readRulesFile } from '../../server/config/read-rules-file';
import type { SweepReport } from '../../server/reconcile/sweep-report';
import { requestSweep } from '../../server/reconcile/reconcile-queue';
import { startRedisServer } from '../helpers/redis-server';
import { countLosses, type LossCounters } from './chaos-checks';
import { chaosPlan, mulberry32, type ChaosSize, type CrashPoint, type Fault } from './chaos-plan';
import { startProcessStack, type ProcessStack } from './process-stack';
import { ChaosTimeout, createDeadline, orAfter } from './deadline';
import { diagnose } from './diagnose';

export type ChaosResult = {
  counters: LossCounters;
  details: string[];
  figures: Record<string, number | string>;
};

const CARD = '[0-9a-f]{24}';
const CRASH_HOOKS: Record<CrashPoint, { method: string; path: RegExp; when: 'before' | 'after' }> = {
  'after-read': { method: 'GET', path: new RegExp(`^/1/cards/${CARD}$`), when: 'before' },
  'after-move-back': { method: 'PUT', path: new RegExp(`^/1/cards/${CARD}$`), when: 'after' },
  'after-comment': { method: 'POST', path: new RegExp(`^/1/cards/${CARD}/actions/comments$`), when: 'after' },
};

export const FULL: ChaosSize = { cards: 100, moves: 300, seed: 20261127 };
export const SHORT: ChaosSize = { cards: 12, moves: 40, seed: 7 };

/**
 * The chaos run (`npm run chaos`): the service as separate web and worker processes on the
 * simulator and a Redis of its own with AOF on; people drag cards at random, some twice within a
 * second, while the worker is SIGKILLed at each point of a revert, Redis is restarted twice,
 * Trello answers storms of 429 and 500 and loses a tenth of the deliveries. Then the sweep runs,
 * and the oracle counts what was lost.
 *
 * With `deadlineMs` every wait of the run (process starts, Redis restarts, settling, the sweeps,
 * the oracle) shares that one budget: a run that gets stuck throws once it is spent, with a report
 * of where it was and what it saw (diagnose.ts), and has stopped its processes and Redis by then.
 */
export async function runChaos(opts: {
  size: ChaosSize;
  movesPerSecond: number;
  say(line: string): void;
  /** The whole run's budget; after a failure the report (~25 s at most) and the cleanup (~55 s at most) come on top. Default: none. */
  deadlineMs?: number;
  /** How many of each process's (and the harness's) last lines a failure report shows. */
  logLines?: number;
}): Promise<ChaosResult> {
  const started = Date.now();
  const harnessLines: string[] = [];
  const say = (line: string) => {
    harnessLines.push(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);
    opts.say(line);
  };
  const deadline = createDeadline(opts.deadlineMs ?? Infinity, (line) => harnessLines.push(line));
  const plan = chaosPlan(opts.size);
  deadline.enter('starting Redis');
  const redisServer = await deadline.within('redis-server to start', startRedisServer(['--appendonly', 'yes', '--appendfsync', 'everysec']));
  const prefix = 'chaos';
  let stack: ProcessStack | undefined;
  const cardIds: string[] = [];
  try {
    deadline.enter('starting the web and worker processes');
    // With AOF on, the service starts without ACCEPT_REDIS_DATA_LOSS: the durability check passes.
    stack = await startProcessStack({
      redisUrl: redisServer.url, prefix, env: { ACCEPT_REDIS_DATA_LOSS: 'false', RECONCILE_INTERVAL: '15s' }, startWithinMs: deadline.remaining(), say,
    });
    const { sim } = stack;
    const running = stack;
    // Each settle has what is left of the run, at most `capMs`.
    const settle = async (what: string, capMs: number) => {
      deadline.enter(what);
      // Every 10 s, what it still waits for: in the report of a run that gets stuck, the trend.
      const progress = setInterval(async () => {
        const pending = await orAfter(2_000, running.pending().catch((err: Error) => `(${err.message})`), '(Redis did not answer)');
        const delivering = await orAfter(0, sim.idle().then(() => false), true);
        say(`  still settling: ${pending}; worker ${running.worker.state()}${delivering ? '; deliveries pending' : ''}`);
      }, 10_000);
      try {
        await deadline.within('the stack to settle', running.settle(Math.min(capMs, deadline.remaining())));
      } finally {
        clearInterval(progress);
      }
    };
    say(`${opts.size.cards} cards, ${opts.size.moves} moves, seed ${opts.size.seed}; Redis ${redisServer.url} (AOF on)`);

    deadline.enter('placing the cards');
    for (const card of plan.cards) {
      const id = sim.ui('manager').createCard('Новая заявка', card.name);
      sim.ui('manager').setPluginData(id, { station: card.station });
      if (card.start !== 'Новая заявка') sim.ui('director').moveCard(id, card.start);
      cardIds.push(id);
    }
    await settle('settling after the cards were placed', 600_000);
    say(`set up: ${cardIds.length} cards placed by the director`);

    deadline.enter('moves and faults');
    const random = mulberry32(opts.size.seed + 1);
    sim.loseDeliveries(() => random() < 0.1);
    const restarts: Promise<void>[] = [];
    const applied: string[] = [];
    const fault = async (f: Fault) => {
      applied.push(f.kind === 'kill-worker' ? `kill ${f.at}` : f.kind === 'trello-storm' ? `${f.requests}×${f.status}` : 'redis restart');
      say(`fault: ${applied.at(-1)}`);
      if (f.kind === 'kill-worker') {
        sim.onRequest({
          ...CRASH_HOOKS[f.at], times: 1,
          run: () => {
            say(`the worker is killed ${f.at} (worker ${running.worker.state()})`);
            restarts.push(running.worker.kill().then(() => running.worker.start()).then(() => say(`the worker is up again after the kill ${f.at}`)));
          },
        });
      } else if (f.kind === 'restart-redis') {
        await deadline.within('Redis to restart', redisServer.restart(), 60_000);
      } else {
        sim.failNext({ path: /^\/1\//, status: f.status, times: f.requests });
      }
    };
    const chaosStarted = Date.now();
    for (const [n, move] of plan.moves.entries()) {
      const planned = plan.faults.get(n);
      if (planned) await fault(planned);
      await sleep(move.soon ? 150 + Math.floor(random() * 500) : Math.floor(1000 / opts.movesPerSecond));
      if (deadline.remaining() === 0) throw new ChaosTimeout(`move ${n + 1} of ${plan.moves.length}`, deadline.phase, Date.now() - chaosStarted);
      sim.ui(move.by).moveCard(cardIds[move.card]!, move.to);
    }
    const lost = sim.lostDeliveries().length;
    sim.loseDeliveries(null);
    say(`moves made in ${((Date.now() - chaosStarted) / 1000).toFixed(1)} s; faults: ${applied.join(', ')}; ${lost} deliveries lost`);
    await settle('settling after the moves', 900_000);
    deadline.enter('waiting for the killed worker to be up again');
    await deadline.within(`the worker's restarts (worker ${stack.worker.state()})`, Promise.all(restarts), 120_000);
    await settle('settling after the worker restarts', 900_000);

    // The sweep finds what Trello never delivered; a second one proves there is nothing left.
    const sweeps: SweepReport[] = [];
    for (let n = 1; n <= 2; n++) {
      deadline.enter(`sweep ${n}`);
      const timeoutMs = Math.max(1_000, Math.min(300_000, deadline.remaining()));
      sweeps.push(await deadline.within(`sweep ${n}`, requestSweep({ connection: stack.redis, prefix: stack.prefix, timeoutMs })));
      await settle(`settling after sweep ${n}`, 900_000);
    }
    say(`settled after the sweeps`);
    const found = (s: SweepReport) => s.boards.reduce((sum, b) => sum + ('queued' in b ? b.queued : 0), 0);
    deadline.enter('the oracle');
    const losses = await deadline.within('the oracle', countLosses({
      sim, redis: stack.redis, prefix: stack.prefix, config: readRulesFile('rules/radio-onboarding.yaml'),
      powerUpId: stack.board.powerUpId, cardIds, partitions: Number(stack.env.EVENT_PARTITIONS), botUsername: 'gatekeeper',
    }));
    const { details, ...counters } = losses;
    const audit = (await deadline.within('the audit log', Promise.all(cardIds.map((id) => running.audit(id))))).flat();
    const serviceCalls = sim.requests.filter((r) => r.token === running.board.members.gatekeeper.token).length;
    deadline.enter('done');
    say(`phases: ${deadline.phases().join('; ')}`);
    return {
      counters,
      details,
      figures: {
        'worker kills': stack.worker.kills,
        'redis restarts': 2,
        'deliveries lost': lost,
        'found by the sweep after the run': found(sweeps[0]!),
        'found by a second sweep': found(sweeps[1]!),
        'moves reverted': audit.filter((a) => a.verdict === 'reverted').length,
        'moves accepted': audit.filter((a) => a.verdict === 'accepted').length,
        'judged via the sweep': audit.filter((a) => a.detectedBy === 'reconciliation').length,
        'Trello calls by the service': serviceCalls,
        'seconds in all': Math.round((Date.now() - started) / 1000),
      },
    };
  } catch (err) {
    // Said before the cleanup, which stops the processes whose state the report shows.
    const report = await diagnose({
      deadline, harnessLines, redisUrl: redisServer.url, prefix, stack, cardIds, logLines: opts.logLines ?? 40,
    }).catch((e: Error) => `(the report itself failed: ${e.message})`);
    const failure = err as Error;
    throw Object.assign(new Error(`${failure.message}\n${report}`, { cause: failure }), { stack: `${failure.stack ?? failure.message}\n${report}` });
  } finally {
    // Bounded too: a cleanup that hangs would only move the silent timeout to the end.
    if ((await orAfter(40_000, (stack?.close() ?? Promise.resolve()).then(() => 'closed', () => 'closed'), 'late')) === 'late') {
      process.stderr.write('[chaos] the stack did not close within 40 s; its processes were sent SIGKILL\n');
    }
    if ((await orAfter(15_000, redisServer.stop().then(() => 'stopped'), 'late')) === 'late') {
      process.stderr.write(`[chaos] redis-server on ${redisServer.url} did not stop within 15 s\n`);
    }
  }
}

if (require.main === module) {
  const size = process.argv.includes('--short') ? SHORT : FULL;
  runChaos({ size, movesPerSecond: 10, say: (line) => process.stdout.write(`chaos: ${line}\n`) }).then(
    ({ counters, details, figures }) => {
      process.stdout.write('\nwhat happened\n');
      for (const [name, value] of Object.entries(figures)) process.stdout.write(`  ${name.padEnd(30)} ${value}\n`);
      process.stdout.write('\nwhat was lost (all must be 0)\n');
      for (const [name, value] of Object.entries(counters)) process.stdout.write(`  ${name.padEnd(30)} ${value}\n`);
      for (const line of details.slice(0, 40)) process.stdout.write(`    ${line}\n`);
      const total = Object.values(counters).reduce((a, b) => a + b, 0);
      process.stdout.write(total === 0 ? '\nchaos: nothing lost\n' : `\nchaos: ${total} losses\n`);
      process.exit(total === 0 ? 0 : 1);
    },
    (err: Error) => {
      process.stderr.write(`chaos: the run failed: ${err.stack ?? err.message}\n`);
      process.exit(2);
    },
  );
}
