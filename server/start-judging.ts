import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Env } from './config/env-schema';
import { deadlineClockFrom } from './deadlines/deadline-clock';
import { rebuiltKey } from './deadlines/history-rebuilds';
import { queueRulesReschedule } from './deadlines/rules-reschedule';
import { startDeadlines } from './deadlines/start-deadlines';
import type { Metrics } from './metrics/create-metrics';
import { adminsOf } from './notify/admins';
import type { ChannelSettings } from './notify/channel-settings';
import { createChannels } from './notify/create-channels';
import { createQueuedNotifier } from './notify/notify-queue';
import { createNotifyWorker } from './notify/notify-worker';
import { createEventQueues } from './queue/event-queues';
import { createReconciler } from './reconcile/create-reconciler';
import { createLastSweep } from './reconcile/last-sweep';
import { startReconciliation } from './reconcile/reconcile-queue';
import { createPendingAdvances, createPendingReverts } from './stage/pending-changes';
import { createAuditLog } from './store/audit-log';
import { createJudgedActions } from './store/judged-actions';
import { createStageHistory } from './store/stage-history';
import { createWatchedBoards } from './store/watched-boards';
import { createBoardLookups } from './trello/board-lookups';
import { createTrelloClient, type TrelloClientOptions } from './trello/create-trello-client';
import type { RetryPolicy } from './trello/retry';
import { createEventWorkers } from './worker/event-workers';
import type { LiveRules } from './rules-store/live-rules';
import { webhookCallbackUrl } from './http/webhook-path';

const NAMES_RETRY: RetryPolicy = { attempts: 2, baseDelayMs: 500, maxDelayMs: 1_000 };

/**
 * The worker role: judges card events, sends notifications, fires deadlines and runs the
 * reconciliation sweep. Returns its stoppers in the order they must run: nothing new is taken,
 * running jobs finish, deadlines stop before the notifier they send through.
 */
export async function startJudging(opts: {
  env: Env;
  /** The rules in force: each job asks before it starts, and runs under that one version. */
  rules: LiveRules;
  settings: ChannelSettings;
  redis: Redis;
  metrics: Metrics;
  log: Logger;
}): Promise<Array<() => Promise<unknown>>> {
  const { env, rules, redis, metrics, log } = opts;
  // Notification transports are built once, from the version in force at start; a version that
  // would change them is refused when saved (server/rules-admin/deployment-problems.ts).
  const { config } = rules.current();
  const prefix = env.REDIS_PREFIX;
  const callbackUrl = webhookCallbackUrl(env.PUBLIC_URL);
  const client = (priority: TrelloClientOptions['priority'], tries?: Pick<TrelloClientOptions, 'retry' | 'timeoutMs'>) => createTrelloClient({
    baseUrl: env.TRELLO_API_URL, key: env.TRELLO_KEY, token: env.TRELLO_TOKEN, redis, keyPrefix: prefix, log, priority,
    observe: (call) => metrics.trelloResponse(call.method, call.path, call.status),
    ...tries,
  });
  // Judging and reverting go first in the shared Trello budget; notices and deadlines wait their turn.
  const judgingTrello = client('urgent');
  const trello = client('normal');
  const me = await trello.getMe();
  log.info({ member: me.username, dryRun: env.DRY_RUN }, 'judging moves as this Trello member');

  const notifier = createQueuedNotifier({ connection: redis, prefix, config });
  const notifyWorker = createNotifyWorker({
    connection: redis, redis, prefix, log, lockMs: env.JOB_LOCK_MS,
    channels: createChannels({ settings: opts.settings, language: config.language, trello }),
  });
  const history = createStageHistory({ redis, prefix });
  // The board's members, for the messages that name people: a refusal (who may move the card), an
  // escalation (whose turn it was). Names are a courtesy: two short tries, then the message names
  // usernames and the work goes on (board-lookups' boardPeople). One cache for this process.
  const lookups = createBoardLookups({ trello: client('urgent', { retry: NAMES_RETRY, timeoutMs: 5_000 }) });
  const deadlines = await startDeadlines({
    redis, prefix, rules: rules.fresh, trello, lookups, notifier, history, log, dryRun: env.DRY_RUN, lockMs: env.JOB_LOCK_MS,
    clock: deadlineClockFrom(env.DEADLINE_WORKING_HOUR_MS), callbackUrl,
  });
  // Cards already in a stage follow a new version's limits: at start (a version saved while no
  // worker ran) and on every switch, the deadlines queue gets one job to move their deadlines.
  const followRules = ({ version }: { version: number }) => void queueRulesReschedule({ queue: deadlines.queue, redis, prefix, version })
    .catch((err: Error) => log.warn({ err, rulesVersion: version }, 'could not queue the deadlines of the new rules version; the next start or switch tries again'));
  followRules(rules.current());
  rules.onSwitch(followRules);
  /** A job's rules: the version active as it starts, and the notifier and scheduler of that version (the deadlines' per-version bundle). */
  const rulesBound = async () => deadlines.bound(await rules.fresh());
  const judging = {
    trello: judgingTrello, lookups, botMemberId: me.id, powerUpId: env.POWERUP_ID, dryRun: env.DRY_RUN,
    history,
    audit: createAuditLog({ redis, prefix }),
    judged: createJudgedActions({ redis, prefix }),
    reverts: createPendingReverts({ redis, prefix }),
  };
  const workers = createEventWorkers({
    connection: redis, redis, prefix, partitions: env.EVENT_PARTITIONS, lockMs: env.JOB_LOCK_MS, log, deps: judging, rules: rulesBound,
    observe: {
      judged(outcome, event, job) {
        metrics.moveJudged(outcome.verdict, event.detectedBy ? 'reconciliation' : 'webhook');
        if (event.detectedBy && outcome.verdict !== 'ignored') metrics.reconcileRepair(outcome.verdict);
        if (outcome.verdict === 'reverted' && !env.DRY_RUN) metrics.revertApplied((Date.now() - job.timestamp) / 1000);
      },
      deadLettered: (queue) => metrics.jobDeadLettered(queue),
    },
  });
  for (const worker of [...workers.workers, ...notifyWorker.workers, deadlines.worker]) {
    worker.on('failed', () => metrics.jobFailed(worker.name));
  }
  // The sweep submits what it finds to the same ordered queues the webhook route feeds; creating
  // them here also makes this process keep their one-at-a-time setting after a Redis restart.
  const eventQueues = await createEventQueues({ connection: redis, prefix, partitions: env.EVENT_PARTITIONS, log });
  const reconciliation = await startReconciliation({
    connection: redis, prefix, intervalMs: env.RECONCILE_INTERVAL, lockMs: env.JOB_LOCK_MS, log,
    // Each sweep runs under the version in force as it starts, like a judging job.
    reconciler: { sweep: async () => reconcilerUnder(await rulesBound()).sweep() },
  });
  const sweepParts = {
    ...judging, trello, log, callbackUrl, eventQueues,
    advances: createPendingAdvances({ redis, prefix }),
    watched: createWatchedBoards({ redis, prefix }),
    lastSweep: createLastSweep({ redis, prefix }),
    rebuilt: async (boardId: string) => (await redis.exists(rebuiltKey(prefix, boardId))) === 1,
    // Longer than a job's whole retry span: a younger mark belongs to work still running.
    staleAfterMs: Math.max(15 * 60_000, 4 * env.JOB_LOCK_MS),
    now: () => new Date(),
  };
  const reconcilerUnder = (bound: Awaited<ReturnType<typeof rulesBound>>) => createReconciler({ ...sweepParts, ...bound, admins: adminsOf(bound.config) });
  return [
    () => reconciliation.close(), () => eventQueues.close(), () => workers.close(),
    () => deadlines.close(), () => notifyWorker.close(), () => notifier.close(),
  ];
}
