import { freePort } from '../../stack/free-port';
import { connectRedis, createProducerRedis, createWorkerRedis } from '../../../server/queue/redis-connections';

describe('connectRedis', () => {
  it.each([
    ['a worker connection', createWorkerRedis],
    ['a producer connection', createProducerRedis],
  ])('to a Redis nobody listens on fails with the socket reason, and nothing else is printed (%s)', async (_, create) => {
    const url = `redis://:secret@127.0.0.1:${await freePort()}`;
    const printed = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const failure = connectRedis(create(url), url);
      await expect(failure).rejects.toThrow(/^\[redis\] cannot reach redis:\/\/:\*\*\*@127\.0\.0\.1:\d+\/?: connect ECONNREFUSED/);
      await expect(failure).rejects.toMatchObject({ cause: { code: 'ECONNREFUSED' } });
      // ioredis prints "[ioredis] Unhandled error event: …" with a stack when an error has no listener.
      expect(printed).not.toHaveBeenCalled();
    } finally {
      printed.mockRestore();
    }
  });
});
