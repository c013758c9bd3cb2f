import { Redis } from 'ioredis';
import { requireDurableRedis } from '../../../server/queue/require-durable-redis';
import { startRedisServer, type PrivateRedisServer } from '../../helpers/redis-server';
import { recordedLog } from '../../helpers/recorded-log';

async function withRedis(args: string[], fn: (redis: Redis, server: PrivateRedisServer) => Promise<void>): Promise<void> {
  const server = await startRedisServer(args);
  const redis = new Redis(server.url, { maxRetriesPerRequest: null });
  try {
    await fn(redis, server);
  } finally {
    redis.disconnect();
    await server.stop();
  }
}

describe('requireDurableRedis', () => {
  it('refuses to start on a Redis that keeps nothing on disk, naming the fix in one line', async () => {
    await withRedis([], async (redis, server) => {
      const { log, lines } = recordedLog();
      const start = requireDurableRedis({ redis, url: server.url, acceptDataLoss: false, log });
      await expect(start).rejects.toThrow(
        `[redis] ${server.url} keeps nothing on disk: a restart erases stage history, the audit log and pending deadlines. ` +
          'Turn on AOF: CONFIG SET appendonly yes; CONFIG SET appendfsync everysec (and in redis.conf), or set ACCEPT_REDIS_DATA_LOSS=true for a demo',
      );
      expect(lines).toEqual([]);
    });
  });

  it('starts on a Redis that keeps nothing on disk when ACCEPT_REDIS_DATA_LOSS is set, with one warning', async () => {
    await withRedis([], async (redis, server) => {
      const { log, lines } = recordedLog();
      const check = await requireDurableRedis({ redis, url: server.url, acceptDataLoss: true, log });
      expect(check).toMatchObject({ persistent: false, evictionPolicy: 'noeviction' });
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ level: 'warn', redis: server.url, msg: expect.stringContaining('ACCEPT_REDIS_DATA_LOSS=true') });
    });
  });

  it('refuses an eviction policy other than noeviction even when ACCEPT_REDIS_DATA_LOSS is set, and says so', async () => {
    await withRedis(['--maxmemory-policy', 'allkeys-lru'], async (redis, server) => {
      const { log } = recordedLog();
      const refusal = await requireDurableRedis({ redis, url: server.url, acceptDataLoss: true, log }).catch((err: Error) => err);
      // Only the unwaivable problem: the persistence one would tell the operator to set what is already set.
      expect((refusal as Error).message).toBe(
        `[redis] ${server.url} has maxmemory-policy allkeys-lru: BullMQ needs noeviction, or a full Redis silently drops jobs, job locks ` +
          'and stage history (CONFIG SET maxmemory-policy noeviction, and in redis.conf). ACCEPT_REDIS_DATA_LOSS does not cover this',
      );
    });
  });

  it('starts quietly on a Redis with AOF and noeviction, and hands back the check', async () => {
    await withRedis(['--appendonly', 'yes'], async (redis, server) => {
      const { log, lines } = recordedLog();
      const check = await requireDurableRedis({ redis, url: server.url, acceptDataLoss: false, log });
      expect(check).toMatchObject({ persistent: true, aof: true, problems: [] });
      expect(lines).toEqual([]);
    });
  });

  it('starts on RDB snapshots alone, warning that a crash loses the writes since the last one', async () => {
    await withRedis(['--save', '60 1'], async (redis, server) => {
      const { log, at } = recordedLog();
      await requireDurableRedis({ redis, url: server.url, acceptDataLoss: false, log });
      expect(at('warn')).toEqual([expect.objectContaining({ msg: expect.stringMatching(/RDB snapshots only.*CONFIG SET appendonly yes/) })]);
    });
  });
});
