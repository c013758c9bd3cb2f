import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { ProcessConfig } from '../../rules';
import { configOfVersion } from '../rules-store/live-rules';
import type { RulesVersions } from '../rules-store/rules-versions';
import type { StageHistory } from '../store/stage-history';
import type { WatchedBoards } from '../store/watched-boards';
import type { TrelloClient } from '../trello/create-trello-client';
import type { DeadlineScheduler, RescheduledDeadline } from './deadline-scheduler';

/**
 * A job of the deadlines queue: a new rules version is in force, so the deadlines of the cards
 * sitting in a stage now follow its limits (the dry run showed which: server/rules-admin).
 */
export const RULES_RESCHEDULE_JOB = 'rules-deadlines';
export const RulesRescheduleJob = z.object({ from: z.number().int().positive(), to: z.number().int().positive() });
export type RulesRescheduleJob = z.infer<typeof RulesRescheduleJob>;

/** The rules version the pending deadlines were last scheduled under. */
export const scheduledUnderKey = (prefix: string) => `${prefix}:deadlines:rules-version`;

// Raises the mark, never lowers it: a job for an older switch finishing late leaves the newer mark.
const RAISE = `
local now = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[1]) > now then redis.call('SET', KEYS[1], ARGV[1]) end
return 1`;

/**
 * Called at a worker's start and on every switch of version: when the deadlines were scheduled
 * under an older version than `version`, one job (its id: several workers add it once) moves them.
 * A first start only marks the version: every deadline there is was scheduled under it.
 */
export async function queueRulesReschedule(deps: { queue: Pick<Queue, 'add'>; redis: Redis; prefix: string; version: number }): Promise<RulesRescheduleJob | null> {
  const key = scheduledUnderKey(deps.prefix);
  const marked = await deps.redis.get(key);
  if (marked === null) {
    await deps.redis.set(key, String(deps.version), 'NX');
    return null;
  }
  const from = Number(marked);
  if (from >= deps.version) return null;
  const job: RulesRescheduleJob = { from, to: deps.version };
  await deps.queue.add(RULES_RESCHEDULE_JOB, job, {
    jobId: `${RULES_RESCHEDULE_JOB}-${from}-${deps.version}`,
    attempts: 8,
    backoff: { type: 'exponential', delay: 5_000 },
    removeOnComplete: { age: 24 * 3600 },
    removeOnFail: { age: 14 * 24 * 3600 },
  });
  return job;
}

export type RulesRescheduleDeps = {
  /** The version in force as the job started (at least `to`): its scheduler's limits are the ones that count. */
  rulesVersion: number;
  deadlines: Pick<DeadlineScheduler, 'rescheduled'>;
  versions: Pick<RulesVersions, 'get'>;
  watched: Pick<WatchedBoards, 'all'>;
  history: Pick<StageHistory, 'current'>;
  trello: Pick<TrelloClient, 'getBoardCards'>;
  redis: Redis;
  prefix: string;
  log: Logger;
};

/**
 * Every open card of every watched board that sits in the visit its history has open: its pending
 * deadlines follow the version in force. One request per board; the rest is Redis.
 */
export async function runRulesReschedule(data: unknown, deps: RulesRescheduleDeps): Promise<{ cards: number; changes: number }> {
  const { from } = RulesRescheduleJob.parse(data);
  const before = await oldConfig(from, deps);
  let cards = 0;
  let changes = 0;
  for (const boardId of await deps.watched.all()) {
    for (const card of await deps.trello.getBoardCards(boardId)) {
      const visit = await deps.history.current(card.id);
      if (!visit || visit.leftAt !== null || visit.listId !== card.idList) continue;
      const changed: RescheduledDeadline[] = await deps.deadlines.rescheduled({ boardId, cardId: card.id }, visit, before);
      cards += 1;
      changes += changed.length;
    }
  }
  await deps.redis.eval(RAISE, 1, scheduledUnderKey(deps.prefix), String(deps.rulesVersion));
  deps.log.info({ from, to: deps.rulesVersion, cards, changes }, 'stage deadlines rescheduled for the rules version in force');
  return { cards, changes };
}

/** The version the deadlines were scheduled under; null when it is gone or no longer loads (then nothing missing is added). */
async function oldConfig(from: number, deps: Pick<RulesRescheduleDeps, 'versions' | 'log'>): Promise<ProcessConfig | null> {
  const version = await deps.versions.get(from);
  if (!version) return null;
  try {
    return configOfVersion(version);
  } catch (err) {
    deps.log.warn({ err, rulesVersion: from }, 'the previous rules version no longer loads: limits it lacked are not added to cards already in a stage');
    return null;
  }
}
