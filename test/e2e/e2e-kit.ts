import type { Redis } from 'ioredis';
import { createAuditLog, type AuditEntry } from '../../server/store/audit-log';
import { createStageHistory } from '../../server/store/stage-history';
import { deleteKeys, testRedis, TEST_REDIS_URL, uniquePrefix } from '../helpers/redis';
import { testLog } from '../helpers/silent-log';
import type { PowerUpJwtInput } from '../simulator/types';
import { startStack, type Stack } from '../stack/start-stack';

export type E2E = Stack & {
  redis: Redis;
  audit(cardId: string): Promise<AuditEntry[]>;
  stages(cardId: string): Promise<string[]>;
  /** A station card put into `list` by the director, with the given station data. */
  stationCard(name: string, station: Record<string, unknown>, list?: string): Promise<string>;
  /** The Trello requests the service (the gatekeeper member) made. */
  serviceRequests(method?: string): { method: string; path: string; status: number }[];
  /** A token as `t.jwt({})` would give `member` (a demo username) on the demo board; `claims` override. */
  powerUpJwt(member: string, claims?: Partial<PowerUpJwtInput>): string;
  close(): Promise<void>;
};

/** One stack per test file on its own Redis prefix, and the readers the assertions need. */
export async function startE2E(
  name: string,
  options: Omit<Parameters<typeof startStack>[0], 'redisUrl' | 'prefix' | 'log' | 'redis'> & { redisUrl?: string; log?: Parameters<typeof startStack>[0]['log'] } = {},
): Promise<E2E> {
  const redis = testRedis();
  const prefix = uniquePrefix(name);
  // A test that reads the service's log lines passes its own recorded logger.
  const stack = await startStack({ redisUrl: TEST_REDIS_URL, ...options, prefix, log: options.log ?? testLog(), redis });
  const audit = createAuditLog({ redis, prefix });
  const history = createStageHistory({ redis, prefix });
  return {
    ...stack,
    redis,
    audit: (cardId) => audit.forCard(cardId),
    stages: async (cardId) => (await history.all(cardId)).map((v) => v.stage),
    async stationCard(cardName, station, list = 'Новая заявка') {
      const id = stack.sim.ui('manager').createCard('Новая заявка', cardName);
      stack.sim.ui('manager').setPluginData(id, { station });
      if (list !== 'Новая заявка') stack.sim.ui('director').moveCard(id, list);
      await stack.settle();
      const at = stack.sim.card(id).listName;
      if (at !== list) throw new Error(`setting up "${cardName}": expected it in «${list}», it is in «${at}»`);
      return id;
    },
    serviceRequests(method) {
      return stack.sim.requests.filter(
        (r) => r.token === stack.board.members.gatekeeper.token && (!method || r.method === method),
      );
    },
    powerUpJwt(member, claims = {}) {
      const idMember = Object.values(stack.board.members).find((m) => m.username === member)?.id;
      if (!idMember) throw new Error(`powerUpJwt: no demo member "${member}"`);
      return stack.sim.mintPowerUpJwt({ idMember, idBoard: stack.board.boardId, ...claims });
    },
    async close() {
      await stack.stop();
      await deleteKeys(redis, prefix);
      await redis.quit();
    },
  };
}
