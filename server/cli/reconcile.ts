import { loadEnv } from '../config/load-env';
import { connectRedis, createWorkerRedis } from '../queue/redis-connections';
import { requestSweep } from '../reconcile/reconcile-queue';

/**
 * `npm run reconcile`: a reconciliation sweep now, run by the service's worker (it must be
 * running on the same REDIS_URL and REDIS_PREFIX), and its report printed.
 */
async function main(): Promise<void> {
  const env = loadEnv();
  const redis = await connectRedis(createWorkerRedis(env.REDIS_URL), env.REDIS_URL);
  try {
    const report = await requestSweep({ connection: redis, prefix: env.REDIS_PREFIX, timeoutMs: 300_000 });
    for (const hook of report.webhooks) {
      process.stdout.write(`board ${hook.boardId}: webhook ${hook.status}${hook.detail ? ` (${hook.detail})` : ''}\n`);
    }
    for (const board of report.boards) {
      if ('error' in board) process.stdout.write(`board ${board.boardId}: sweep failed: ${board.error}\n`);
      else {
        process.stdout.write(
          `board ${board.boardId}: ${board.cards} cards, ${board.outOfPlace} out of place, ${board.queued} queued to be judged, ` +
            `${board.revertsResumed} interrupted reverts resumed, ${board.advancesFinished} «Следующий этап» moves finished\n`,
        );
      }
    }
    process.stdout.write(`swept in ${report.durationMs} ms\n`);
  } finally {
    await redis.quit();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
