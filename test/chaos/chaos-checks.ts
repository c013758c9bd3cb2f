import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { evaluate, findStage, type ProcessConfig } from '../../rules';
import { DEADLINES_QUEUE } from '../../server/deadlines/deadline-job';
import { createDeadLetters } from '../../server/notify/dead-letters';
import { NOTIFY_QUEUES } from '../../server/notify/notify-queue';
import { deadJobsKey, readDeadJobs } from '../../server/queue/dead-jobs';
import { eventQueueName } from '../../server/queue/partition';
import { createAuditLog, type AuditEntry } from '../../server/store/audit-log';
import { createStageHistory } from '../../server/store/stage-history';
import type { TrelloSimulator } from '../simulator/types';

/** What a chaos run must bring to zero, each counted on the board and in Redis after the dust settles. */
export type LossCounters = {
  cardsInTheWrongList: number;
  refusedMovesNotReverted: number;
  revertsWithoutAComment: number;
  duplicateComments: number;
  auditDisagreesWithBoard: number;
  jobsStuck: number;
  jobsFailedWithoutDeadLetter: number;
};

const REVERT_TEXT = 'нельзя было переместить';
const ARRIVAL_TEXT = /перешла в «|появилась в «/;

/**
 * The oracle, independent of how the service got there: every card sits in the stage its history
 * says it was last accepted into, the rules allow the move that accepted it (re-judged now, the
 * station data being unchanged), every refusal was undone on Trello and explained exactly once,
 * and nothing was left in a queue or failed without a trace.
 */
export async function countLosses(opts: {
  sim: TrelloSimulator;
  redis: Redis;
  prefix: string;
  config: ProcessConfig;
  powerUpId: string;
  cardIds: string[];
  partitions: number;
  botUsername: string;
}): Promise<LossCounters & { details: string[] }> {
  const { sim, redis, prefix } = opts;
  const history = createStageHistory({ redis, prefix });
  const audit = createAuditLog({ redis, prefix });
  const details: string[] = [];
  const counters: LossCounters = {
    cardsInTheWrongList: 0, refusedMovesNotReverted: 0, revertsWithoutAComment: 0, duplicateComments: 0,
    auditDisagreesWithBoard: 0, jobsStuck: 0, jobsFailedWithoutDeadLetter: 0,
  };
  const note = (counter: keyof LossCounters, detail: string) => {
    counters[counter] += 1;
    details.push(`${counter}: ${detail}`);
  };

  for (const cardId of opts.cardIds) {
    const card = sim.card(cardId);
    const visits = await history.all(cardId);
    const entries = (await audit.forCard(cardId)).reverse();
    const current = visits.at(-1);
    // The card's story, for a report that can be acted on: its newest decisions, newest last.
    const story = entries.slice(-4).map((e) => `${e.mover}→${e.to.name}:${e.verdict}/${e.reason}${e.detectedBy ? '(sweep)' : ''}`).join(', ');
    if (!current || current.listId !== card.idList) note('cardsInTheWrongList', `${card.name} is in «${card.listName}», its history says «${current?.stage}» [${story}]`);
    else if (!allowed(current.actionId, visits.at(-2)?.stage ?? null, current.stage, entries, card, opts)) {
      note('cardsInTheWrongList', `${card.name} sits in «${card.listName}», which the rules do not let it enter`);
    }

    const decided = entries.filter((e) => e.verdict !== 'ignored' && !e.dryRun);
    const latest = decided.at(-1);
    const agreed = latest && (latest.verdict === 'accepted' ? latest.to.id : latest.revertedTo?.id) === card.idList;
    if (latest && !agreed) note('auditDisagreesWithBoard', `${card.name}: the last decision (${latest.verdict} ${latest.to.name}) does not match «${card.listName}»`);

    const reverted = decided.filter((e) => e.verdict === 'reverted');
    const botMoves = sim.actions({ type: 'updateCard', cardId }).filter((a) => a.memberCreator.username === opts.botUsername);
    for (const entry of reverted) {
      // After the refused move itself (a move the sweep found has no Trello action of that id).
      const since = sim.actions({ cardId }).find((a) => a.id === entry.actionId)?.date ?? '';
      const movedBack = botMoves.some((a) => (a.data['listAfter'] as { id?: string } | undefined)?.id === entry.revertedTo?.id && a.date >= since);
      if (!movedBack) note('refusedMovesNotReverted', `${card.name}: refused into «${entry.to.name}» (${entry.actionId}) and never moved back`);
    }
    const comments = sim.comments(cardId).filter((c) => c.memberCreator === opts.botUsername);
    const revertComments = comments.filter((c) => c.text.includes(REVERT_TEXT)).length;
    const arrivalComments = comments.filter((c) => ARRIVAL_TEXT.test(c.text)).length;
    const accepted = decided.filter((e) => e.verdict === 'accepted').length;
    for (let n = revertComments; n < reverted.length; n++) note('revertsWithoutAComment', `${card.name}: ${reverted.length} refusals, ${revertComments} explanations`);
    const extra = Math.max(0, revertComments - reverted.length) + Math.max(0, arrivalComments - accepted);
    for (let n = 0; n < extra; n++) note('duplicateComments', `${card.name}: ${revertComments} revert and ${arrivalComments} arrival comments for ${reverted.length} refusals and ${accepted} acceptances`);
  }

  const queues = [...Array.from({ length: opts.partitions }, (_, n) => eventQueueName(n)), ...NOTIFY_QUEUES, DEADLINES_QUEUE].map(
    (name) => new Queue(name, { connection: redis, prefix }),
  );
  try {
    const dead = new Set([
      ...(await readDeadJobs(redis, deadJobsKey(prefix, 'events'), 100_000)).map((d) => `${d.queue}/${d.jobId}`),
      ...(await readDeadJobs(redis, deadJobsKey(prefix, 'deadlines'), 100_000)).map((d) => `${d.queue}/${d.jobId}`),
      ...(await createDeadLetters({ redis, prefix }).list(100_000)).map((d) => `notify-${d.channel}/${d.id}`),
    ]);
    for (const queue of queues) {
      const states = queue.name === DEADLINES_QUEUE ? (['waiting', 'active'] as const) : (['waiting', 'active', 'delayed', 'prioritized'] as const);
      const stuck = await queue.getJobCounts(...states);
      for (const [state, count] of Object.entries(stuck)) for (let n = 0; n < count; n++) note('jobsStuck', `${queue.name}: a job still ${state}`);
      for (const job of await queue.getFailed(0, -1)) {
        if (!dead.has(`${queue.name}/${job.id}`)) note('jobsFailedWithoutDeadLetter', `${queue.name}/${job.id}: ${job.failedReason}`);
      }
    }
  } finally {
    await Promise.all(queues.map((q) => q.close()));
  }
  return { ...counters, details };
}

/** Re-judges the entry that put the card where it is: a move the rules refuse must not have stayed. */
function allowed(
  actionId: string,
  from: string | null,
  to: string,
  entries: AuditEntry[],
  card: ReturnType<TrelloSimulator['card']>,
  opts: { config: ProcessConfig; powerUpId: string },
): boolean {
  const entry = entries.find((e) => e.actionId === actionId && e.verdict === 'accepted');
  if (!entry || !findStage(opts.config, to)) return false;
  const station = card.pluginData.find((p) => p.idPlugin === opts.powerUpId)?.value;
  const snapshot = {
    name: card.name,
    station: station ? (JSON.parse(station) as { station: Record<string, unknown> }).station : {},
    checklists: card.checklists.map((c) => ({ name: c.name, items: c.checkItems.map((i) => ({ name: i.name, complete: i.state === 'complete' })) })),
  };
  const kind = entry.from === null ? 'create' : 'move';
  return evaluate(opts.config, { kind, fromList: kind === 'create' ? null : from, toList: to, mover: entry.mover }, snapshot).verdict === 'allow';
}
