import { Worker, type ConnectionOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { deadJobsKey, deadLetterFailedJobs } from '../queue/dead-jobs';
import { logJobFailure, parseJobData, toJobError } from '../queue/job-errors';
import { reliableWorkerOptions } from '../queue/worker-options';
import { createResponsibles } from '../store/responsibles';
import { DEADLINES_QUEUE, DeadlineJob } from './deadline-job';
import { fireDeadline, type FireDeps } from './fire-deadline';
import { REBUILD_JOB, runHistoryRebuild } from './history-rebuilds';
import { fireLinkReminder, LINK_REMINDER_JOB, LinkReminderJob } from './link-reminder';
import { RULES_RESCHEDULE_JOB, runRulesReschedule } from './rules-reschedule';
import type { DeadlineScheduler } from './deadline-scheduler';
import { createRulesVersions } from '../rules-store/rules-versions';
import { createWatchedBoards } from '../store/watched-boards';
import type { RebuildDeps } from './rebuild-board-history';

export type DeadlineWorkerDeps = Omit<FireDeps, 'log' | 'trello' | 'history' | 'responsibles'> &
  Omit<RebuildDeps, 'log' | 'trello' | 'history'> & {
    trello: FireDeps['trello'] & RebuildDeps['trello'];
    history: FireDeps['history'] & RebuildDeps['history'];
    redis: Redis;
    prefix: string;
  };

/** What changes with the rules version: asked for as each job starts, the job runs under that one version. */
export type DeadlineRulesBound = Pick<DeadlineWorkerDeps, 'config' | 'notifier'> & {
  rulesVersion: number;
  deadlines: DeadlineWorkerDeps['deadlines'] & Pick<DeadlineScheduler, 'rescheduled'>;
};

/**
 * Runs the deadlines queue: deadlines that came due, and the one-off history rebuilds. Jobs live
 * in Redis, so a deadline scheduled before a restart fires in whichever worker is running then.
 */
export function createDeadlineWorker(opts: {
  connection: ConnectionOptions;
  prefix: string;
  deps: Omit<DeadlineWorkerDeps, keyof DeadlineRulesBound>;
  rules: () => Promise<DeadlineRulesBound>;
  log: Logger;
  /** JOB_LOCK_MS; BullMQ's 30 s when not given. */
  lockMs?: number;
  concurrency?: number;
}): Worker {
  const { redis, prefix } = opts.deps;
  const responsibles = createResponsibles({ redis, prefix });
  const versions = createRulesVersions({ redis, prefix });
  const watched = createWatchedBoards({ redis, prefix });
  const worker = new Worker(
    DEADLINES_QUEUE,
    async (job) => {
      const log = opts.log.child({ jobId: job.id, job: job.name });
      try {
        const deps = { ...opts.deps, ...(await opts.rules()) };
        if (job.name === REBUILD_JOB) return await runHistoryRebuild(job.data, { ...deps, log });
        if (job.name === LINK_REMINDER_JOB) return await fireLinkReminder(parseJobData(LinkReminderJob, job), { ...deps, log });
        if (job.name === RULES_RESCHEDULE_JOB) return await runRulesReschedule(job.data, { ...deps, versions, watched, log });
        const data = parseJobData(DeadlineJob, job);
        const cardLog = log.child({ boardId: data.boardId, cardId: data.cardId });
        return await fireDeadline(data, job.id ?? job.name, { ...deps, responsibles, log: cardLog });
      } catch (err) {
        const jobError = toJobError(err);
        logJobFailure(log, job, jobError, 'deadline job failed');
        throw jobError;
      }
    },
    { connection: opts.connection, prefix: opts.prefix, concurrency: opts.concurrency ?? 4, ...reliableWorkerOptions(opts.lockMs) },
  );
  worker.on('error', (err) => opts.log.error({ err, queue: DEADLINES_QUEUE }, 'deadline worker error'));
  deadLetterFailedJobs({
    worker, redis: opts.deps.redis, key: deadJobsKey(opts.prefix, 'deadlines'), log: opts.log,
    describe: (job) => ({ job: job.name, cardId: (job.data as { cardId?: string }).cardId, boardId: (job.data as { boardId?: string }).boardId }),
  });
  return worker;
}
