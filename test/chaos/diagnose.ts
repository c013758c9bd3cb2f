import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { readRulesFile } from '../../server/config/read-rules-file';
import { DEADLINES_QUEUE } from '../../server/deadlines/deadline-job';
import { createDeadLetters } from '../../server/notify/dead-letters';
import { NOTIFY_QUEUES } from '../../server/notify/notify-queue';
import { deadJobsKey, readDeadJobs } from '../../server/queue/dead-jobs';
import { eventQueueName } from '../../server/queue/partition';
import { MAINTENANCE_QUEUE } from '../../server/reconcile/reconcile-queue';
import { createAuditLog } from '../../server/store/audit-log';
import { countLosses } from './chaos-checks';
import { orAfter, type Deadline } from './deadline';
import type { ProcessStack } from './process-stack';

const STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'failed', 'completed'] as const;
const BOT = 'gatekeeper';

/**
 * What a chaos run that failed or got stuck knows, as text for the test's failure message: the
 * phase and how long each took, the harness's own lines, the state and last log lines of the
 * processes, the queues under the run's prefix, the dead letters, the deliveries the simulator
 * still has out, and what the oracle still misses (moves with no decision yet, and its counters).
 * Each part has a few seconds of its own (Redis may be the thing that is stuck) and says so when
 * it runs out; the whole never throws.
 */
export async function diagnose(opts: {
  deadline: Deadline;
  harnessLines: string[];
  redisUrl: string;
  prefix: string;
  stack: ProcessStack | undefined;
  cardIds: string[];
  logLines: number;
}): Promise<string> {
  const out: string[] = [];
  const section = (title: string) => out.push('', `=== ${title} ===`);
  const { stack } = opts;
  section(`phase: ${opts.deadline.phase}, ${opts.deadline.elapsed()} s into the run`);
  out.push(...opts.deadline.phases());
  section(`the harness's last ${Math.min(opts.logLines, opts.harnessLines.length)} lines`);
  out.push(...opts.harnessLines.slice(-opts.logLines));
  if (stack) {
    for (const [name, p] of [['web', stack.web], ['worker', stack.worker]] as const) {
      section(`${name} process: ${p.state()}, ${p.kills} kills; its last ${opts.logLines} log lines`);
      out.push(...p.lastLines(opts.logLines).map(shorten));
    }
    const delivering = await orAfter(0, stack.sim.idle().then(() => false), true);
    section(`simulator: ${delivering ? 'deliveries still queued, out or waiting for a retry' : 'no delivery pending'}; its last 5 deliveries`);
    out.push(...stack.sim.deliveries.slice(-5).map((d) => `${d.actionType} ${d.actionId} attempt ${d.attempt}: ${d.status ?? d.error}`));
  }

  // A connection of its own that gives up instead of waiting for a Redis that is away.
  const redis = new Redis(opts.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2_000, retryStrategy: (n) => (n > 3 ? null : 200) });
  redis.on('error', () => {});
  const part = async (title: string, work: () => Promise<string[]>, ms = 5_000) => {
    section(title);
    const failed = (err: Error) => [`(could not read: ${err.message})`];
    const lines = await orAfter(ms, work().catch(failed), [`(no answer within ${ms / 1000} s: is Redis up?)`]);
    out.push(...lines);
  };
  try {
    await part(`BullMQ queues under "${opts.prefix}" (${STATES.join('/')})`, async () => {
      const names = new Set([
        ...Array.from({ length: Number(stack?.env.EVENT_PARTITIONS ?? 4) }, (_, n) => eventQueueName(n)), ...NOTIFY_QUEUES, DEADLINES_QUEUE, MAINTENANCE_QUEUE,
      ]);
      for (const key of await scanKeys(redis, `${opts.prefix}:*:meta`)) names.add(key.slice(opts.prefix.length + 1, -':meta'.length));
      return Promise.all([...names].sort().map(async (name) => {
        const queue = new Queue(name, { connection: redis, prefix: opts.prefix });
        queue.on('error', () => {});
        try {
          const counts = await queue.getJobCounts(...STATES);
          // As settle counts: deadlines and the next scheduled sweep are delayed by design.
          const scheduled = name === DEADLINES_QUEUE || name === MAINTENANCE_QUEUE;
          const busy = ['waiting', 'active', 'prioritized', 'waiting-children', ...(scheduled ? [] : ['delayed'])].some((s) => (counts[s] ?? 0) > 0);
          let line = `${busy ? '*' : ' '} ${name.padEnd(22)} ${STATES.map((s) => counts[s] ?? 0).join('/')}`;
          // The jobs that hold a settle up, by id and name, with their attempts.
          const stuck = await queue.getJobs(scheduled ? ['waiting', 'active', 'prioritized'] : ['waiting', 'active', 'delayed', 'prioritized'], 0, 2);
          if (stuck.length) line += `  e.g. ${stuck.map((j) => `${j.id}(${j.name}, ${j.attemptsMade} attempts${j.delay ? `, delay ${j.delay} ms` : ''})`).join(', ')}`;
          return line;
        } finally {
          await queue.close();
        }
      }));
    });
    await part('dead letters', async () => {
      const lines: string[] = [];
      for (const family of ['events', 'deadlines', 'maintenance'] as const) {
        const dead = await readDeadJobs(redis, deadJobsKey(opts.prefix, family), 10);
        lines.push(`${family}: ${await redis.xlen(deadJobsKey(opts.prefix, family))}`, ...dead.map((d) => `  ${d.queue}/${d.jobId} ${d.name} after ${d.attempts}: ${d.error}`));
      }
      const letters = createDeadLetters({ redis, prefix: opts.prefix });
      const notices = await letters.list(10);
      lines.push(`notifications: ${await redis.xlen(letters.key)}`, ...notices.map((n) => `  ${n.channel} ${n.kind} to ${n.recipient}: ${n.error}`));
      return lines;
    });
    if (stack && opts.cardIds.length) {
      await part('moves with no decision yet (the oracle still misses them)', async () => {
        const audit = createAuditLog({ redis, prefix: opts.prefix });
        const lost = new Set(stack.sim.lostDeliveries().map((a) => a.id));
        const lines: string[] = [];
        for (const cardId of opts.cardIds) {
          const judged = new Set((await audit.forCard(cardId)).map((e) => e.actionId));
          const card = stack.sim.card(cardId);
          for (const action of stack.sim.actions({ type: 'updateCard', cardId })) {
            const after = action.data['listAfter'] as { name?: string } | undefined;
            if (!after || action.memberCreator.username === BOT || judged.has(action.id)) continue;
            lines.push(`${card.name}: ${action.memberCreator.username} → «${after.name}» at ${action.date} (${action.id})${lost.has(action.id) ? ', its delivery lost: for the sweep' : ''}`);
          }
        }
        // Older moves of a card can stay unjudged by design (a sweep judges where the card is now), so the newest matter most.
        return lines.length ? lines.slice(-30) : ['none'];
      });
      await part('the oracle now', async () => {
        const losses = await countLosses({
          sim: stack.sim, redis, prefix: opts.prefix, config: readRulesFile('rules/radio-onboarding.yaml'),
          powerUpId: stack.board.powerUpId, cardIds: opts.cardIds, partitions: Number(stack.env.EVENT_PARTITIONS), botUsername: BOT,
        });
        const { details, ...counters } = losses;
        return [Object.entries(counters).map(([k, v]) => `${k} ${v}`).join(', '), ...details.slice(0, 30)];
      }, 10_000);
    }
  } finally {
    redis.disconnect();
  }
  return out.join('\n');
}

async function scanKeys(redis: Redis, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  return keys;
}

/** Log lines can carry whole job payloads; a report needs their start. */
function shorten(line: string): string {
  return line.length > 400 ? `${line.slice(0, 400)}…` : line;
}
