import { Redis } from 'ioredis';
import { onRedisReconnect } from '../../../server/queue/on-redis-reconnect';
import { watchRedisDurability, type RedisDurabilityReport } from '../../../server/queue/watch-redis-durability';
import { startRedisServer, type PrivateRedisServer } from '../../helpers/redis-server';
import { recordedLog } from '../../helpers/recorded-log';
import { until } from '../../helpers/until';

let server: PrivateRedisServer;
let redis: Redis;

afterEach(async () => {
  redis.disconnect();
  await server.stop();
});

/** A connection as the workers open theirs: it waits out a Redis restart. */
async function connect(args: string[] = []): Promise<void> {
  server = await startRedisServer(args);
  redis = new Redis(server.url, { maxRetriesPerRequest: null, lazyConnect: true });
  redis.on('error', () => {});
}

describe('onRedisReconnect', () => {
  it('runs the task after a restart of Redis, but not on the first connect', async () => {
    await connect();
    const { log } = recordedLog();
    let runs = 0;
    onRedisReconnect(redis, () => void (runs += 1), { log, task: 'counting' });
    await redis.connect();
    await redis.ping();
    expect(runs).toBe(0);

    await server.restart();

    await until('the task ran after the restart', () => runs === 1);
  });

  it('counts a registration after the first connect as seeing every later ready a reconnect', async () => {
    await connect();
    await redis.connect();
    const { log } = recordedLog();
    let runs = 0;
    onRedisReconnect(redis, () => void (runs += 1), { log, task: 'counting' });

    redis.disconnect(true);

    await until('the task ran after the reconnect', () => runs === 1);
  });

  it('logs a failing task instead of throwing it, and runs it again on the next reconnect', async () => {
    await connect();
    await redis.connect();
    const { log, at } = recordedLog();
    let runs = 0;
    onRedisReconnect(redis, async () => {
      runs += 1;
      throw new Error('queue settings refused');
    }, { log, task: 'setting the queues' });

    redis.disconnect(true);
    await until('the failure was logged', () => at('error').length === 1);
    redis.disconnect(true);
    await until('the task ran again', () => runs === 2);

    expect(at('error')[0]).toMatchObject({
      msg: '[redis] after a reconnect, setting the queues failed; the next reconnect tries again',
      err: expect.objectContaining({ message: 'queue settings refused' }),
    });
  });

  it('never runs the task twice at once when reconnects come faster than it finishes', async () => {
    await connect();
    await redis.connect();
    const { log } = recordedLog();
    let running = 0;
    let most = 0;
    let runs = 0;
    onRedisReconnect(redis, async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 400));
      running -= 1;
      runs += 1;
    }, { log, task: 'a slow task' });

    redis.disconnect(true);
    await until('the first run started', () => running === 1);
    redis.disconnect(true);
    await until('the reconnect was seen', () => redis.status === 'ready');
    redis.disconnect(true);

    await until('a run after the last reconnect finished', () => runs === 2 && running === 0);
    expect(most).toBe(1);
  });

  it('stops running the task once told to stop', async () => {
    await connect();
    await redis.connect();
    const { log } = recordedLog();
    let runs = 0;
    const stop = onRedisReconnect(redis, () => void (runs += 1), { log, task: 'counting' });
    stop();

    redis.disconnect(true);
    await until('reconnected', async () => redis.status === 'ready' && (await redis.ping()) === 'PONG');
    expect(runs).toBe(0);
  });
});

describe('watchRedisDurability', () => {
  it('logs a restart of a Redis without persistence at error, says what was lost and how to get it back, and reports it', async () => {
    await connect();
    await redis.connect();
    const { log, at } = recordedLog();
    const reports: RedisDurabilityReport[] = [];
    await watchRedisDurability({ redis, url: server.url, acceptDataLoss: false, log, report: (r) => reports.push(r) });

    await server.restart();

    await until('the check after the restart was reported', () => reports.length === 1);
    expect(reports[0]).toMatchObject({ restarted: true, persistent: false, problems: [expect.stringContaining('keeps nothing on disk')] });
    expect(at('error')).toEqual([
      expect.objectContaining({
        restarted: true,
        msg: expect.stringMatching(/restarted and keeps nothing on disk: stage history, the audit log, pending deadlines .* are gone\. Turn on AOF .* restart the worker processes/),
      }),
    ]);
  });

  it('only warns of such a restart when ACCEPT_REDIS_DATA_LOSS is set', async () => {
    await connect();
    await redis.connect();
    const { log, at } = recordedLog();
    const reports: RedisDurabilityReport[] = [];
    await watchRedisDurability({ redis, url: server.url, acceptDataLoss: true, log, report: (r) => reports.push(r) });

    await server.restart();

    await until('the check after the restart was reported', () => reports.length === 1);
    expect(at('error')).toEqual([]);
    expect(at('warn')).toEqual([expect.objectContaining({ restarted: true, msg: expect.stringContaining('ACCEPT_REDIS_DATA_LOSS=true') })]);
  });

  it('tells a dropped connection from a restart, and logs the restart of a persistent Redis at info only', async () => {
    await connect(['--appendonly', 'yes']);
    await redis.connect();
    const { log, lines, at } = recordedLog();
    const reports: RedisDurabilityReport[] = [];
    await watchRedisDurability({ redis, url: server.url, acceptDataLoss: false, log, report: (r) => reports.push(r) });

    redis.disconnect(true);
    await until('the check after the dropped connection was reported', () => reports.length === 1);
    expect(reports[0]).toMatchObject({ restarted: false, persistent: true, problems: [] });
    expect(lines).toEqual([]);

    await server.restart();
    await until('the check after the restart was reported', () => reports.length === 2);
    expect(reports[1]).toMatchObject({ restarted: true, persistent: true, aof: true, problems: [] });
    expect(at('info')).toEqual([expect.objectContaining({ msg: '[redis] Redis restarted and kept its data on disk' })]);
  });
});
