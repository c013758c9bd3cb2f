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

/** Connects, or fails with a message naming the URL (without its password). */
export async function connectRedis(redis: Redis, url: string): Promise<Redis> {
  try {
    await redis.connect();
    return redis;
  } catch (err) {
    redis.disconnect();
    throw new Error(`[redis] cannot reach ${redactUrl(url)}: ${(err as Error).message}`);
  }
}

function redactUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
