import { loadEnv } from '../config/load-env';
import { createLogger } from '../create-logger';
import { connectRedis, createWorkerRedis } from '../queue/redis-connections';
import { ensureWebhook } from '../setup/ensure-webhook';
import { createWatchedBoards } from '../store/watched-boards';
import { createTrelloClient } from '../trello/create-trello-client';
import { webhookCallbackUrl } from '../http/webhook-path';

const USAGE = 'usage: npm run register-webhook -- <boardId>   (the 24-hex id: open the board URL with ".json" appended and read "id")';

/** Registers PUBLIC_URL/webhooks/trello on a board, with the same environment the service uses. */
async function main(): Promise<void> {
  const boardId = process.argv[2];
  if (!boardId || !/^[0-9a-f]{24}$/.test(boardId)) throw new Error(USAGE);
  const env = loadEnv();
  const log = createLogger(env.LOG_LEVEL);
  const redis = await connectRedis(createWorkerRedis(env.REDIS_URL), env.REDIS_URL);
  try {
    const trello = createTrelloClient({ baseUrl: env.TRELLO_API_URL, key: env.TRELLO_KEY, token: env.TRELLO_TOKEN, redis, keyPrefix: env.REDIS_PREFIX, log });
    const callbackURL = webhookCallbackUrl(env.PUBLIC_URL);
    const { id, created, enabled } = await ensureWebhook({ trello, watched: createWatchedBoards({ redis, prefix: env.REDIS_PREFIX }) }, { boardId, callbackURL });
    process.stdout.write(`${created ? 'created' : enabled ? 're-enabled (Trello had disabled it)' : 'already registered'}: webhook ${id} on board ${boardId} → ${callbackURL}\n`);
  } finally {
    await redis.quit();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
