import type { JobsOptions, Queue } from 'bullmq';
import type { Logger } from 'pino';
import { calendarOf, type ProcessConfig } from '../../rules';
import type { StageEntry, StageHistory, StageVisit } from '../store/stage-history';
import type { DeadlineClock } from './deadline-clock';
import { DEADLINE_KINDS, deadlineJobId, type DeadlineJob, type DeadlineKind } from './deadline-job';
import { LINK_REMINDER_JOB, linkReminderDue, linkReminderJobId, type LinkReminderJob } from './link-reminder';
import { hoursUsedBefore } from './hours-used-before';
import { stageDeadlines } from './stage-deadlines';

type CardRef = { boardId: string; cardId: string };

export type DeadlineScheduler = {
  /**
   * A stage entry was recorded: schedule its deadlines, and cancel those of the visit it ended
   * (`left`, as `history.enter` hands it back). Idempotent: an entry judged twice adds nothing.
   */
  entered(card: CardRef, entry: StageEntry, left: StageVisit | null): Promise<void>;
  /** A credentials link went out: remind the stage's owners if it is still unopened when the stage's time is up. */
  linkSent(link: Omit<LinkReminderJob, 'dueAt'>): Promise<void>;
};

const JOB_OPTIONS: JobsOptions = {
  // Only Trello's answer to the re-check can fail; it is retried like any Trello call.
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 14 * 24 * 3600 },
};

export function createDeadlineScheduler(deps: {
  queue: Pick<Queue, 'addBulk' | 'remove'>;
  config: ProcessConfig;
  history: Pick<StageHistory, 'all'>;
  clock: DeadlineClock;
  log: Logger;
}): DeadlineScheduler {
  const calendar = calendarOf(deps.config);

  async function schedule(card: CardRef, entry: StageEntry, left: StageVisit | null): Promise<void> {
    // Only a return from suspension carries time over; any other entry starts a new clock.
    const used = left?.kind === 'suspension' ? hoursUsedBefore(await deps.history.all(card.cardId), calendar) : 0;
    const due = stageDeadlines(deps.config, entry.stage, new Date(entry.at), used);
    if (!due) return;
    const visit = { ...card, stage: entry.stage, listId: entry.listId, enteredAt: entry.at, actionId: entry.actionId };
    const at: Record<DeadlineKind, Date | null> = { deadline: due.deadline, escalation: due.escalation };
    const jobs = DEADLINE_KINDS.flatMap((kind) => {
      const dueAt = at[kind];
      if (!dueAt) return [];
      const data: DeadlineJob = { ...visit, kind, deadline: due.deadline.toISOString(), dueAt: dueAt.toISOString() };
      const delay = deps.clock.delayUntil(dueAt, calendar);
      return [{ name: kind, data, opts: { ...JOB_OPTIONS, jobId: deadlineJobId(kind, visit), delay } }];
    });
    await deps.queue.addBulk(jobs);
    deps.log.info({ cardId: card.cardId, stage: entry.stage, usedHours: used, deadline: due.deadline, escalation: due.escalation }, 'stage deadlines scheduled');
  }

  /** Removes a visit's pending jobs; one already running is stopped by its own re-check. */
  async function cancel(cardId: string, visit: StageVisit): Promise<void> {
    const ref = { cardId, listId: visit.listId, enteredAt: visit.enteredAt };
    const removed = await Promise.all(DEADLINE_KINDS.map((kind) => deps.queue.remove(deadlineJobId(kind, ref))));
    if (removed.some((n) => n > 0)) deps.log.info({ cardId, stage: visit.stage }, 'stage left: its deadlines are cancelled');
  }

  return {
    async entered(card, entry, left) {
      if (left) await cancel(card.cardId, left);
      await schedule(card, entry, left);
    },
    async linkSent(link) {
      const dueAt = linkReminderDue(deps.config, link.stage, new Date(link.sentAt), new Date(link.expiresAt));
      const data: LinkReminderJob = { ...link, dueAt: dueAt.toISOString() };
      const opts = { ...JOB_OPTIONS, jobId: linkReminderJobId(link.linkHash), delay: deps.clock.delayUntil(dueAt, calendar) };
      await deps.queue.addBulk([{ name: LINK_REMINDER_JOB, data, opts }]);
      deps.log.info({ cardId: link.cardId, stage: link.stage, dueAt }, 'credentials link reminder scheduled');
    },
  };
}
