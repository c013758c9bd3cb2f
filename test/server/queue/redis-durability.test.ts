import { Redis } from 'ioredis';
import { checkRedisDurability } from '../../../server/queue/redis-durability';
import { startRedisServer, type PrivateRedisServer } from '../../helpers/redis-server';

async function withRedis<T>(args: string[], fn: (redis: Redis, server: PrivateRedisServer) => Promise<T>): Promise<T> {
  const server = await startRedisServer(args);
  const redis = new Redis(server.url, { maxRetriesPerRequest: null });
  try {
    return await fn(redis, server);
  } finally {
    redis.disconnect();
    await server.stop();
  }
}

describe('checkRedisDurability', () => {
  it('finds a Redis with AOF on persistent, with nothing to fix', async () => {
    const check = await withRedis(['--appendonly', 'yes'], (redis) => checkRedisDurability(redis));
    expect(check).toEqual({ persistent: true, aof: true, rdb: false, evictionPolicy: 'noeviction', problems: [], evictionProblems: [] });
  });

  it('finds a Redis that only takes RDB snapshots persistent', async () => {
    const check = await withRedis(['--save', '60 1'], (redis) => checkRedisDurability(redis));
    expect(check).toMatchObject({ persistent: true, aof: false, rdb: true, problems: [] });
  });

  it('finds a Redis that keeps nothing on disk not persistent, and names it and the fix in one line', async () => {
    await withRedis([], async (redis, server) => {
      const check = await checkRedisDurability(redis, server.url);
      expect(check).toMatchObject({ persistent: false, aof: false, rdb: false, evictionPolicy: 'noeviction' });
      expect(check.problems).toEqual([
        `[redis] ${server.url} keeps nothing on disk: a restart erases stage history, the audit log and pending deadlines. ` +
          'Turn on AOF: CONFIG SET appendonly yes; CONFIG SET appendfsync everysec (and in redis.conf), or set ACCEPT_REDIS_DATA_LOSS=true for a demo',
      ]);
    });
  });

  it('refuses maxmemory-policy allkeys-lru even on a persistent Redis, naming noeviction', async () => {
    const check = await withRedis(['--appendonly', 'yes', '--maxmemory-policy', 'allkeys-lru'], (redis) => checkRedisDurability(redis));
    expect(check).toMatchObject({ persistent: true, evictionPolicy: 'allkeys-lru' });
    expect(check.problems).toHaveLength(1);
    expect(check.problems[0]).toMatch(/^\[redis\] .* has maxmemory-policy allkeys-lru: BullMQ needs noeviction.*CONFIG SET maxmemory-policy noeviction/);
    expect(check.evictionProblems).toEqual(check.problems);
  });

  it('reads AOF from INFO where CONFIG is renamed away, as managed Redis does', async () => {
    const check = await withRedis(['--appendonly', 'yes', '--rename-command', 'CONFIG', ''], (redis) => checkRedisDurability(redis));
    expect(check).toMatchObject({ persistent: true, aof: true, rdb: false, evictionPolicy: 'noeviction', problems: [] });
  });

  it('counts snapshots it cannot confirm (CONFIG renamed, AOF off) as not persistent, and says why', async () => {
    const check = await withRedis(['--save', '60 1', '--rename-command', 'CONFIG', ''], (redis) => checkRedisDurability(redis));
    expect(check).toMatchObject({ persistent: false, aof: false, rdb: false });
    expect(check.problems).toHaveLength(1);
    expect(check.problems[0]).toMatch(/refuses CONFIG GET \(.*unknown command.*\) and INFO shows AOF off; its RDB snapshots cannot be confirmed/);
    expect(check.problems[0]).toMatch(/ACCEPT_REDIS_DATA_LOSS=true/);
  });

  it('never repeats the password of the URL it names', async () => {
    await withRedis([], async (redis, server) => {
      const check = await checkRedisDurability(redis, `redis://:s3cret-pass@127.0.0.1:${server.port}`);
      expect(check.problems[0]).toContain(`redis://:***@127.0.0.1:${server.port}`);
      expect(check.problems.join()).not.toContain('s3cret-pass');
    });
  });
});
