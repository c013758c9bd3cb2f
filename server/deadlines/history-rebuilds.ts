import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { TrelloClient } from '../trello/create-trello-client';
import { rebuildBoardHistory, type RebuildDeps } from './rebuild-board-history';

/** A job of the deadlines queue: rebuild one board's stage history, once per deployment. */
export const REBUILD_JOB = 'rebuild-board';
export const RebuildJob = z.object({ boardId: z.string() });

/** Set when a board's history has been rebuilt; delete it to have the next start rebuild again. */
export const rebuiltKey = (prefix: string, boardId: string) => `${prefix}:board:${boardId}:history-rebuilt`;

/**
 * At start-up: one rebuild job for each board the service has its webhook on and has not rebuilt
 * yet. A job rather than a call: several workers starting together add one job (its id), a Trello
 * failure is retried with back-off, and start-up does not wait for a big board. Returns the boards.
 */
export async function queueHistoryRebuilds(deps: {
  trello: Pick<TrelloClient, 'listWebhooks'>;
  queue: Pick<Queue, 'add'>;
  redis: Redis;
  prefix: string;
  callbackUrl: string;
}): Promise<string[]> {
  const hooks = await deps.trello.listWebhooks();
  const boards = [...new Set(hooks.filter((hook) => hook.callbackURL === deps.callbackUrl).map((hook) => hook.idModel))];
  const pending: string[] = [];
  for (const boardId of boards) {
    if (await deps.redis.exists(rebuiltKey(deps.prefix, boardId))) continue;
    await deps.queue.add(REBUILD_JOB, { boardId }, {
      jobId: `rebuild-${boardId}`,
      attempts: 8,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: true,
      removeOnFail: { age: 14 * 24 * 3600 },
    });
    pending.push(boardId);
  }
  return pending;
}

/** The rebuild job itself; the mark is set only once every card is done. */
export async function runHistoryRebuild(data: unknown, deps: RebuildDeps & { redis: Redis; prefix: string; log: Logger }) {
  const { boardId } = RebuildJob.parse(data);
  const result = await rebuildBoardHistory(boardId, deps);
  await deps.redis.set(rebuiltKey(deps.prefix, boardId), new Date().toISOString());
  return result;
}
