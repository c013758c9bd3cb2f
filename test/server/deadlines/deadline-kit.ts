import { Queue, type Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ProcessConfig } from '../../../rules';
import { realClock, type DeadlineClock } from '../../../server/deadlines/deadline-clock';
import { DEADLINES_QUEUE, type DeadlineKind } from '../../../server/deadlines/deadline-job';
import { createDeadlineScheduler, type DeadlineScheduler } from '../../../server/deadlines/deadline-scheduler';
import type { Notice, Notifier } from '../../../server/notify/notice';
import { createStageHistory, type StageEntry, type StageHistory } from '../../../server/store/stage-history';
import { deleteKeys, testRedis, uniquePrefix } from '../../helpers/redis';
import { testLog } from '../../helpers/silent-log';
import { smallConfig } from '../../rules/small-config';

/**
 * A small process whose stage B has a two-hour limit and escalates an hour later, C two days with
 * no escalation, and a suspension side stage S that cards leave back to where they came from.
 */
export function deadlineConfig(calendar: Record<string, unknown> = {}): ProcessConfig {
  return smallConfig({
    calendar,
    stages: [
      { list: 'A', owner: 'clerk', controller: 'boss' },
      { list: 'B', owner: 'clerk', controller: 'boss', limitWorkingHours: 2, escalateAfterWorkingHours: 1 },
      { list: 'C', owner: 'clerk', controller: 'boss', limitWorkingDays: 2 },
      { list: 'S', owner: 'boss', controller: 'boss', side: true, suspension: true, exit: { to: ['B', 'C'] } },
    ],
  });
}

/** '2026-11-20 17:00' on Moscow's clock (UTC+3 all year). */
export const moscow = (wallTime: string) => new Date(`${wallTime.replace(' ', 'T')}:00+03:00`);

export const CARD = { boardId: 'board0000000000000000001', cardId: 'card00000000000000000001' };

export function entryInto(stage: string, at: Date, actionId = `act-${stage}-${at.getTime()}`): StageEntry {
  return { stage, listId: `list-${stage}`, at: at.toISOString(), actionId, ...(stage === 'S' ? { kind: 'suspension' as const } : {}) };
}

export type DeadlineKit = {
  redis: Redis;
  prefix: string;
  queue: Queue;
  history: StageHistory;
  scheduler(config: ProcessConfig, clock?: DeadlineClock): DeadlineScheduler;
  /** Records the entry as the worker does, then tells the scheduler. */
  enter(scheduler: DeadlineScheduler, entry: StageEntry): Promise<void>;
  job(kind: DeadlineKind, entry: StageEntry): ReturnType<Queue['getJob']>;
  close(...workers: Worker[]): Promise<void>;
};

export async function startDeadlineKit(name: string): Promise<DeadlineKit> {
  const redis = testRedis();
  const prefix = uniquePrefix(name);
  const queue = new Queue(DEADLINES_QUEUE, { connection: redis, prefix });
  const history = createStageHistory({ redis, prefix });
  return {
    redis, prefix, queue, history,
    scheduler: (config, clock = realClock()) => createDeadlineScheduler({ queue, config, history, clock, log: testLog() }),
    async enter(scheduler, entry) {
      const left = await history.enter(CARD.cardId, entry);
      await scheduler.entered(CARD, entry, left);
    },
    job: (kind, entry) => queue.getJob(`${kind}-${CARD.cardId}-${entry.listId}-${Date.parse(entry.at)}`),
    async close(...workers) {
      await Promise.all(workers.map((w) => w.close()));
      await queue.close();
      await deleteKeys(redis, prefix);
      await redis.quit();
    },
  };
}

/** A notifier that keeps what it was asked to send. */
export function recordingNotifier(): Notifier & { sent: Notice[] } {
  const sent: Notice[] = [];
  return { sent, send: async (notice) => void sent.push(notice) };
}

export const HOUR = 3_600_000;
