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
  /**
   * The rules changed while the card sits in `visit`: its pending deadlines move to what this
   * scheduler's version says, go when its stage has no limit any more, and come when the stage has
   * one it lacked under `before` (at once, when already past). A deadline that already fired is
   * not fired again. Answers what changed.
   */
  rescheduled(card: CardRef, visit: StageVisit, before: ProcessConfig | null): Promise<RescheduledDeadline[]>;
};

export type RescheduledDeadline = { kind: DeadlineKind; change: 'moved' | 'removed' | 'added'; dueAt: string | null };

const JOB_OPTIONS: JobsOptions = {
  // Only Trello's answer to the re-check can fail; it is retried like any Trello call.
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 14 * 24 * 3600 },
};

export function createDeadlineScheduler(deps: {
  queue: Pick<Queue, 'addBulk' | 'remove' | 'getJob'>;
  config: ProcessConfig;
  history: Pick<StageHistory, 'all'>;
  clock: DeadlineClock;
  log: Logger;
}): DeadlineScheduler {
  const calendar = calendarOf(deps.config);

  /** When each kind is due for a visit, under `config`: null where there is no limit (an escalation needs a deadline). */
  const dueTimes = (config: ProcessConfig, stage: string, enteredAt: string, used: number): Record<DeadlineKind, Date | null> => {
    const due = stageDeadlines(config, stage, new Date(enteredAt), used);
    return { deadline: due?.deadline ?? null, escalation: due?.escalation ?? null };
  };

  const jobOf = (visit: Omit<DeadlineJob, 'kind' | 'deadline' | 'dueAt'>, kind: DeadlineKind, owner: Date, dueAt: Date) => {
    const data: DeadlineJob = { ...visit, kind, deadline: owner.toISOString(), dueAt: dueAt.toISOString() };
    return { name: kind, data, opts: { ...JOB_OPTIONS, jobId: deadlineJobId(kind, visit), delay: deps.clock.delayUntil(dueAt, calendar) } };
  };

  async function schedule(card: CardRef, entry: StageEntry, left: StageVisit | null): Promise<void> {
    // Only a return from suspension carries time over; any other entry starts a new clock.
    const used = left?.kind === 'suspension' ? hoursUsedBefore(await deps.history.all(card.cardId), calendar) : 0;
    const due = dueTimes(deps.config, entry.stage, entry.at, used);
    const owner = due.deadline;
    if (!owner) return;
    const visit = { ...card, stage: entry.stage, listId: entry.listId, enteredAt: entry.at, actionId: entry.actionId };
    const jobs = DEADLINE_KINDS.flatMap((kind) => {
      const dueAt = due[kind];
      return dueAt ? [jobOf(visit, kind, owner, dueAt)] : [];
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
    async rescheduled(card, visit, before) {
      const visits = await deps.history.all(card.cardId);
      // As at the entry: time in the stage before a suspension counts only on the return from it.
      const used = visits.at(-2)?.kind === 'suspension' ? hoursUsedBefore(visits, calendar) : 0;
      const now = dueTimes(deps.config, visit.stage, visit.enteredAt, used);
      const was = before ? dueTimes(before, visit.stage, visit.enteredAt, used) : null;
      const ref = { ...card, stage: visit.stage, listId: visit.listId, enteredAt: visit.enteredAt, actionId: visit.actionId };
      const changes: RescheduledDeadline[] = [];
      const owner = now.deadline;
      for (const kind of DEADLINE_KINDS) {
        const dueAt = now[kind];
        const job = await deps.queue.getJob(deadlineJobId(kind, ref));
        const state = job ? await job.getState() : 'missing';
        if (job && state === 'delayed') {
          if (!dueAt || !owner) {
            await job.remove();
            changes.push({ kind, change: 'removed', dueAt: null });
          } else if ((job.data as DeadlineJob).dueAt !== dueAt.toISOString()) {
            const moved = jobOf(ref, kind, owner, dueAt);
            await job.updateData(moved.data);
            await job.changeDelay(moved.opts.delay);
            changes.push({ kind, change: 'moved', dueAt: moved.data.dueAt });
          }
        } else if (state === 'missing' && dueAt && owner && was !== null && !was[kind]) {
          // A limit the stage did not have: never scheduled, so never fired. Without the old
          // version to tell, a missing job may be one that fired long ago: it is left alone.
          const added = jobOf(ref, kind, owner, dueAt);
          await deps.queue.addBulk([added]);
          changes.push({ kind, change: 'added', dueAt: added.data.dueAt });
        }
      }
      if (changes.length) deps.log.info({ cardId: card.cardId, stage: visit.stage, changes }, 'stage deadlines follow the new rules');
      return changes;
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
