import { Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { Language } from '../../rules';
import type { Env } from '../../server/config/env-schema';
import { readRulesFile } from '../../server/config/read-rules-file';
import { realClock } from '../../server/deadlines/deadline-clock';
import { DEADLINES_QUEUE } from '../../server/deadlines/deadline-job';
import { createDeadlineScheduler } from '../../server/deadlines/deadline-scheduler';
import { createTrelloCommentChannel } from '../../server/notify/channels/trello-comment-channel';
import type { Channel } from '../../server/notify/delivery';
import { createQueuedNotifier } from '../../server/notify/notify-queue';
import { createNotifyWorker } from '../../server/notify/notify-worker';
import { connectRedis, createWorkerRedis } from '../../server/queue/redis-connections';
import { createPendingReverts } from '../../server/stage/pending-changes';
import { createAuditLog } from '../../server/store/audit-log';
import { createJudgedActions } from '../../server/store/judged-actions';
import { createStageHistory } from '../../server/store/stage-history';
import { createBoardLookups } from '../../server/trello/board-lookups';
import { createTrelloClient, type TrelloClient } from '../../server/trello/create-trello-client';
import type { Priority } from '../../server/trello/rate-limiter';
import { createEventWorkers } from '../../server/worker/event-workers';

/**
 * The worker role of server/start-service.ts, built here so the burst bench can run it with the
 * urgent lane on or off — a switch production does not have. `lanes: true` is the production wiring:
 * the event workers (card read, move back) ask as urgent, and the comment channel asks as urgent
 * for a revert's explanation; `lanes: false` asks for every call as normal, as before the lane.
 * Deadlines are scheduled but not fired (none falls due within a bench run), and there is no
 * reconciliation sweep: neither would run during a burst.
 */
export async function startBenchWorker(env: Env, log: Logger, opts: { lanes: boolean }): Promise<{ stop(): Promise<void> }> {
  const config = readRulesFile(env.RULES_FILE);
  const prefix = env.REDIS_PREFIX;
  const redis = await connectRedis(createWorkerRedis(env.REDIS_URL), env.REDIS_URL);
  const trello = (priority: Priority) => createTrelloClient({
    baseUrl: env.TRELLO_API_URL, key: env.TRELLO_KEY, token: env.TRELLO_TOKEN, redis, keyPrefix: prefix, log, priority,
  });
  const judging = trello(opts.lanes ? 'urgent' : 'normal');
  const notifying = trello('normal');
  const me = await judging.getMe();

  const notifier = createQueuedNotifier({ connection: redis, prefix, config });
  const notifyWorker = createNotifyWorker({
    connection: redis, redis, prefix, log, lockMs: env.JOB_LOCK_MS,
    channels: [commentChannel(notifying, config.language, opts.lanes)],
  });
  const history = createStageHistory({ redis, prefix });
  const deadlineQueue = new Queue(DEADLINES_QUEUE, { connection: redis, prefix });
  const rules = { config, rulesVersion: 1, notifier, deadlines: createDeadlineScheduler({ queue: deadlineQueue, config, history, clock: realClock(), log }) };
  const workers = createEventWorkers({
    connection: redis, redis, prefix, partitions: env.EVENT_PARTITIONS, lockMs: env.JOB_LOCK_MS, log,
    rules: async () => rules,
    deps: {
      trello: judging, lookups: createBoardLookups({ trello: judging }), botMemberId: me.id, powerUpId: env.POWERUP_ID, dryRun: false, history,
      audit: createAuditLog({ redis, prefix }),
      judged: createJudgedActions({ redis, prefix }),
      reverts: createPendingReverts({ redis, prefix }),
    },
  });
  return {
    async stop() {
      await workers.close();
      await notifyWorker.close();
      await notifier.close();
      await deadlineQueue.close();
      await redis.quit();
    },
  };
}

/** The card-comment channel; with the lane off, every comment (a revert's too) asks as normal. */
function commentChannel(trello: TrelloClient, language: Language, lanes: boolean): Channel {
  const asNormal: Pick<TrelloClient, 'addComment' | 'getCardComments'> = {
    addComment: (cardId, text) => trello.addComment(cardId, text, 'normal'),
    getCardComments: (cardId) => trello.getCardComments(cardId, 'normal'),
  };
  return createTrelloCommentChannel({ trello: lanes ? trello : asNormal, language });
}
