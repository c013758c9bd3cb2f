import { rmSync } from 'node:fs';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { readRulesFile } from '../../server/config/read-rules-file';
import { deleteKeys } from '../helpers/redis';
import { freePort } from '../stack/free-port';
import { seedHistory, type SeededHistory } from '../stack/seed-history';
import { startStack } from '../stack/start-stack';
import { buildSandbox } from './sandbox-bundles';
import { startSandboxServer } from './sandbox-server';
import { seedSandboxStations } from './sandbox-stations';

/** Stations in the year of history behind «Сводка»; the board shows those still in progress. */
const HISTORY_STATIONS = 40;

export type Sandbox = {
  /** The board page; `?member=director` (or manager, engineer, accountant) picks who the trainee is. */
  url: string;
  /** The live stations' card ids, in SANDBOX_STATIONS' order. */
  stationIds: string[];
  history: SeededHistory;
  /** Stops the server, the service and the simulator, deletes the prefix's keys; the Redis client stays open. */
  stop(): Promise<void>;
};

/**
 * Trello without Trello: the simulator with the demo board, a year of history and a few live
 * stations, the real service watching it through a webhook, and a board page to click through.
 */
export async function startSandbox(opts: { redisUrl: string; redis: Redis; prefix: string; log: Logger }): Promise<Sandbox> {
  const [port, built] = await Promise.all([freePort(), buildSandbox()]);
  const cleanups: (() => Promise<void>)[] = [
    async () => rmSync(built.distDir, { recursive: true, force: true }),
    () => deleteKeys(opts.redis, opts.prefix),
  ];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    cleanups.length = 0;
  };
  try {
    const stack = await startStack({ redisUrl: opts.redisUrl, prefix: opts.prefix, redis: opts.redis, log: opts.log });
    cleanups.push(() => stack.stop());
    // The history goes in before any live move: the audit log takes only newer entries after it.
    const history = await seedHistory({
      sim: stack.sim, board: stack.board, redis: opts.redis, prefix: opts.prefix,
      config: readRulesFile(stack.env.RULES_FILE), now: new Date(), stations: HISTORY_STATIONS, months: 12,
    });
    const stationIds = await seedSandboxStations(stack);
    const inProgress = history.cards.filter((c) => c.completedAt === null).map((c) => c.cardId);
    const cardIds = [...stationIds, ...inProgress];
    const server = await startSandboxServer({ stack, port, distDir: built.distDir, bundles: built.bundles, cardIds: () => cardIds });
    cleanups.push(() => server.close());
    return { url: server.url, stationIds, history, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
