import { Redis } from 'ioredis';

/**
 * Two kinds of connection (BullMQ production guide): the webhook producer fails fast so the route
 * can answer 503 and Trello retries; workers and stores wait out a Redis restart.
 */
export function createProducerRedis(url: string): Redis {
  return new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
}

export function createWorkerRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true });
}

/**
 * Connects, or fails with a message naming the URL (without its password) and the socket's own
 * reason (ECONNREFUSED, ENOTFOUND…). The listener is what keeps ioredis from printing its raw
 * "Unhandled error event" stack before that message; connect() itself only says "Connection is closed."
 */
export async function connectRedis(redis: Redis, url: string): Promise<Redis> {
  let cause: Error | undefined;
  const remember = (err: Error) => {
    cause ??= err;
  };
  redis.on('error', remember);
  try {
    await redis.connect();
    return redis;
  } catch (err) {
    redis.disconnect();
    const reason = cause ?? (err as Error);
    throw new Error(`[redis] cannot reach ${redactUrl(url)}: ${reason.message}`, { cause: reason });
  } finally {
    redis.off('error', remember);
  }
}

function redactUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
