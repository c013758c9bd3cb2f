import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { assertOrderedQueues, createEventQueues } from '../../../server/queue/event-queues';
import type { CardEvent } from '../../../server/queue/card-event';
import { onRedisReconnect } from '../../../server/queue/on-redis-reconnect';
import { eventQueueName, partitionOf } from '../../../server/queue/partition';
import { startRedisServer, type PrivateRedisServer } from '../../helpers/redis-server';
import { testLog } from '../../helpers/silent-log';
import { recordedLog } from '../../helpers/recorded-log';
import { until } from '../../helpers/until';

const PREFIX = 'gatekeeper';
const PARTITIONS = 3;

// A Redis WITHOUT persistence: a restart erases everything, BullMQ's queue settings included.
let server: PrivateRedisServer;
const closers: Array<() => Promise<unknown>> = [];

beforeEach(async () => {
  server = await startRedisServer(['--save', '', '--appendonly', 'no']);
});
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  await server.stop();
});

/** A connection as start-service opens one for workers: it waits out a Redis restart. */
function workerRedis(): Redis {
  const redis = new Redis(server.url, { maxRetriesPerRequest: null });
  redis.on('error', () => {});
  closers.push(() => redis.quit().catch(() => redis.disconnect()));
  return redis;
}

/** Reads every partition queue's global concurrency back through BullMQ, on a connection of its own. */
async function globalConcurrencies(): Promise<Array<number | null>> {
  const reader = workerRedis();
  const queues = Array.from({ length: PARTITIONS }, (_, n) => new Queue(eventQueueName(n), { connection: reader, prefix: PREFIX }));
  try {
    return await Promise.all(queues.map((q) => q.getGlobalConcurrency()));
  } finally {
    await Promise.all(queues.map((q) => q.close()));
  }
}

function partitionQueues(redis: Redis): Queue[] {
  const queues = Array.from({ length: PARTITIONS }, (_, n) => new Queue(eventQueueName(n), { connection: redis, prefix: PREFIX }));
  closers.push(() => Promise.all(queues.map((q) => q.close())));
  return queues;
}

const ALL_ORDERED = Array(PARTITIONS).fill(1);

describe('the partition queues after a restart of Redis without persistence', () => {
  it('lose their global concurrency of 1: the restart erased it', async () => {
    const queues = partitionQueues(workerRedis());
    await assertOrderedQueues(queues);
    expect(await globalConcurrencies()).toEqual(ALL_ORDERED);

    await server.restart();

    expect(await globalConcurrencies()).toEqual(Array(PARTITIONS).fill(null));
  });

  it('get it back from assertOrderedQueues run by the reconnect hook', async () => {
    const redis = workerRedis();
    const queues = partitionQueues(redis);
    await assertOrderedQueues(queues);
    let reasserted = 0;
    onRedisReconnect(redis, async () => {
      await assertOrderedQueues(queues);
      reasserted += 1;
    }, { log: testLog(), task: 'ordering the partition queues' });

    await server.restart();

    await until('the hook ran', () => reasserted === 1);
    expect(await globalConcurrencies()).toEqual(ALL_ORDERED);
  });

  it('get it back on their own from the event queues of any process, web or worker', async () => {
    const events = await createEventQueues({ connection: workerRedis(), prefix: PREFIX, partitions: PARTITIONS, log: testLog() });
    closers.push(() => events.close());

    await server.restart();

    await until('every partition queue is ordered again', async () => (await globalConcurrencies()).every((c) => c === 1));
  });

  it('hold the first event enqueued after the restart in an ordered queue', async () => {
    const redis = workerRedis();
    const events = await createEventQueues({ connection: redis, prefix: PREFIX, partitions: PARTITIONS, log: testLog() });
    closers.push(() => events.close());

    await server.restart();
    await events.enqueue(cardEvent('card-1', 'action-1'));

    const partition = partitionOf('card-1', PARTITIONS);
    expect((await globalConcurrencies())[partition]).toBe(1);
    expect(await events.queues[partition]!.getJobCounts('wait')).toEqual({ wait: 1 });
  });

  it('still let two worker processes judge only one event of a partition at a time', async () => {
    const { log, at } = recordedLog();
    const events = await createEventQueues({ connection: workerRedis(), prefix: PREFIX, partitions: PARTITIONS, log });
    closers.push(() => events.close());
    const partition = partitionOf('card-1', PARTITIONS);
    let running = 0;
    let most = 0;
    let judged = 0;
    // Two worker processes: each its own connection, each taking one job at a time itself.
    for (let n = 0; n < 2; n++) {
      const worker = new Worker(eventQueueName(partition), async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 150));
        running -= 1;
        judged += 1;
      }, { connection: workerRedis(), prefix: PREFIX, concurrency: 1 });
      worker.on('error', () => {});
      closers.push(() => worker.close());
    }

    await server.restart();
    for (let i = 1; i <= 4; i++) await events.enqueue(cardEvent('card-1', `action-${i}`));

    await until('every event was judged', () => judged === 4, 15_000);
    expect(most).toBe(1);
    expect(at('error')).toEqual([]);
  });
});

function cardEvent(cardId: string, actionId: string): CardEvent {
  return {
    actionId, kind: 'move', date: new Date().toISOString(), boardId: 'board-1', cardId, cardName: 'Радио Ромашка',
    fromList: { id: 'list-1', name: 'Договор и оплата' }, toList: { id: 'list-2', name: 'Подключение' },
    mover: { id: 'member-1', username: 'manager', fullName: 'Manager' },
  };
}
