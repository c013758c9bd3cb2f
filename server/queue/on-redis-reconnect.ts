import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

/**
 * Runs `fn` after every reconnect of this ioredis connection: each 'ready' after the first. A Redis
 * that restarted may have lost what was set at start (without persistence, everything), so what
 * must hold in Redis is set again here. Runs never overlap: reconnects during a run cause one more
 * run after it. Errors are logged, never thrown: a failed run waits for the next reconnect.
 * Returns the function that stops listening.
 *
 * Call it after the first connect (or before it, while the status is still `wait`/`connecting`):
 * ioredis's 'ready' does not say whether it is the first one.
 */
export function onRedisReconnect(
  redis: Redis,
  fn: () => unknown,
  opts: { log: Pick<Logger, 'error'>; task: string },
): () => void {
  let connectedBefore = !['wait', 'connecting', 'connect'].includes(redis.status);
  let running = false;
  let again = false;
  let stopped = false;

  async function run(): Promise<void> {
    running = true;
    do {
      again = false;
      try {
        await fn();
      } catch (err) {
        opts.log.error({ err, task: opts.task }, `[redis] after a reconnect, ${opts.task} failed; the next reconnect tries again`);
      }
    } while (again && !stopped);
    running = false;
  }

  const onReady = () => {
    if (!connectedBefore) {
      connectedBefore = true;
      return;
    }
    if (running) again = true;
    else void run();
  };
  redis.on('ready', onReady);
  return () => {
    stopped = true;
    redis.off('ready', onReady);
  };
}
