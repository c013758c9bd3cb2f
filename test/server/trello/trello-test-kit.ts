import { Writable } from 'node:stream';
import type { Redis } from 'ioredis';
import { deleteKeys, testRedis, uniquePrefix } from '../../helpers/redis';

export { testRedis, uniquePrefix } from '../../helpers/redis';
import pino from 'pino';
import { createTrelloClient, type TrelloClient, type TrelloClientOptions } from '../../../server/trello/create-trello-client';
import { startScriptedTrello, type ScriptedTrello } from './scripted-trello';

export const KEY = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
export const TOKEN = 'f00dfacef00dfacef00dfacef00dfacef00dfacef00dfacef00dfacef00dface';

// Small enough that exhausting retries takes milliseconds.
export const FAST_RETRY = { attempts: 4, baseDelayMs: 5, maxDelayMs: 20 };

/** Deletes the test's keys and closes the connections. */
export async function cleanUp(prefix: string, ...connections: Redis[]): Promise<void> {
  const [redis] = connections;
  if (redis) await deleteKeys(redis, prefix);
  await Promise.all(connections.map((connection) => connection.quit()));
}

/** A real pino logger whose output the test can read. */
export function captureLog(): { log: pino.Logger; lines: () => Record<string, unknown>[]; text: () => string } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return {
    log: pino({ level: 'debug' }, sink),
    text: () => chunks.join(''),
    lines: () => chunks.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

export function testClient(overrides: Partial<TrelloClientOptions> & Pick<TrelloClientOptions, 'baseUrl' | 'redis' | 'keyPrefix'>) {
  return createTrelloClient({
    key: KEY,
    token: TOKEN,
    log: pino({ level: 'silent' }),
    retry: FAST_RETRY,
    timeoutMs: 2_000,
    ...overrides,
  });
}

export type ScriptedTrelloKit = {
  /** One Redis connection for the whole file. */
  readonly redis: Redis;
  /** A fresh scripted Trello for each test. */
  readonly trello: ScriptedTrello;
  /** The file's key prefix in Redis, deleted after the last test. */
  readonly prefix: string;
  /** A client for this test's scripted Trello; `overrides` win over the defaults. */
  client(overrides?: Partial<TrelloClientOptions>): TrelloClient;
  /** Starts another scripted Trello in place of the current one, for a test that closed it (afterEach closes it again). */
  restartTrello(): Promise<ScriptedTrello>;
};

/**
 * Registers the hooks a Trello client test file needs: a Redis connection (beforeAll), a fresh
 * scripted Trello for every test (beforeEach, closed in afterEach), and the file's keys deleted
 * with the connection closed at the end (afterAll). Call it once at the top level of the file.
 */
export function useScriptedTrello(name: string): ScriptedTrelloKit {
  const prefix = uniquePrefix(name);
  let redis: Redis;
  let trello: ScriptedTrello;

  beforeAll(() => {
    redis = testRedis();
  });
  beforeEach(async () => {
    trello = await startScriptedTrello();
  });
  afterEach(() => trello.close());
  afterAll(() => cleanUp(prefix, redis));

  return {
    get redis() {
      return redis;
    },
    get trello() {
      return trello;
    },
    prefix,
    client: (overrides = {}) => testClient({ baseUrl: trello.baseUrl, redis, keyPrefix: prefix, ...overrides }),
    async restartTrello() {
      trello = await startScriptedTrello();
      return trello;
    },
  };
}
