import { setTimeout as sleep } from 'node:timers/promises';
import { readRulesFile } from '../../server/config/read-rules-file';
import type { SweepReport } from '../../server/reconcile/sweep-report';
import { requestSweep } from '../../server/reconcile/reconcile-queue';
import { startRedisServer } from '../helpers/redis-server';
import { countLosses, type LossCounters } from './chaos-checks';
import { chaosPlan, mulberry32, type ChaosSize, type CrashPoint, type Fault } from './chaos-plan';
import { startProcessStack, type ProcessStack } from './process-stack';

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
 */
export async function runChaos(opts: { size: ChaosSize; movesPerSecond: number; say(line: string): void }): Promise<ChaosResult> {
  const started = Date.now();
  const plan = chaosPlan(opts.size);
  const redisServer = await startRedisServer(['--appendonly', 'yes', '--appendfsync', 'everysec']);
  let stack: ProcessStack | undefined;
  try {
    // With AOF on, the service starts without ACCEPT_REDIS_DATA_LOSS: the durability check passes.
    stack = await startProcessStack({ redisUrl: redisServer.url, prefix: 'chaos', env: { ACCEPT_REDIS_DATA_LOSS: 'false', RECONCILE_INTERVAL: '15s' } });
    const { sim } = stack;
    opts.say(`${opts.size.cards} cards, ${opts.size.moves} moves, seed ${opts.size.seed}; Redis ${redisServer.url} (AOF on)`);

    const cardIds = plan.cards.map((card) => {
      const id = sim.ui('manager').createCard('Новая заявка', card.name);
      sim.ui('manager').setPluginData(id, { station: card.station });
      if (card.start !== 'Новая заявка') sim.ui('director').moveCard(id, card.start);
      return id;
    });
    await stack.settle(600_000);
    opts.say(`set up: ${cardIds.length} cards placed by the director`);

    const random = mulberry32(opts.size.seed + 1);
    sim.loseDeliveries(() => random() < 0.1);
    const restarts: Promise<void>[] = [];
    const applied: string[] = [];
    const fault = async (f: Fault) => {
      applied.push(f.kind === 'kill-worker' ? `kill ${f.at}` : f.kind === 'trello-storm' ? `${f.requests}×${f.status}` : 'redis restart');
      if (f.kind === 'kill-worker') {
        sim.onRequest({ ...CRASH_HOOKS[f.at], times: 1, run: () => restarts.push(stack!.worker.kill().then(() => stack!.worker.start())) });
      } else if (f.kind === 'restart-redis') {
        await redisServer.restart();
      } else {
        sim.failNext({ path: /^\/1\//, status: f.status, times: f.requests });
      }
    };
    const chaosStarted = Date.now();
    for (const [n, move] of plan.moves.entries()) {
      const planned = plan.faults.get(n);
      if (planned) await fault(planned);
      await sleep(move.soon ? 150 + Math.floor(random() * 500) : Math.floor(1000 / opts.movesPerSecond));
      sim.ui(move.by).moveCard(cardIds[move.card]!, move.to);
    }
    const lost = sim.lostDeliveries().length;
    sim.loseDeliveries(null);
    opts.say(`moves made in ${((Date.now() - chaosStarted) / 1000).toFixed(1)} s; faults: ${applied.join(', ')}; ${lost} deliveries lost`);
    await stack.settle(900_000);
    await Promise.all(restarts);
    await stack.settle(900_000);

    // The sweep finds what Trello never delivered; a second one proves there is nothing left.
    const sweeps: SweepReport[] = [];
    for (let n = 0; n < 2; n++) {
      sweeps.push(await requestSweep({ connection: stack.redis, prefix: stack.prefix, timeoutMs: 300_000 }));
      await stack.settle(900_000);
    }
    const found = (s: SweepReport) => s.boards.reduce((sum, b) => sum + ('queued' in b ? b.queued : 0), 0);
    const losses = await countLosses({
      sim, redis: stack.redis, prefix: stack.prefix, config: readRulesFile('rules/radio-onboarding.yaml'),
      powerUpId: stack.board.powerUpId, cardIds, partitions: Number(stack.env.EVENT_PARTITIONS), botUsername: 'gatekeeper',
    });
    const { details, ...counters } = losses;
    const audit = (await Promise.all(cardIds.map((id) => stack!.audit(id)))).flat();
    const serviceCalls = sim.requests.filter((r) => r.token === stack!.board.members.gatekeeper.token).length;
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
  } finally {
    await stack?.close().catch(() => {});
    await redisServer.stop();
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
