import type { Redis } from 'ioredis';
import { calendarOf, workingTimeBetween, type ProcessConfig } from '../../../rules';
import type { PreviewRulesDeps } from '../../../server/rules-admin/preview-rules';
import { createAuditLog, type AuditEntry, type AuditLog } from '../../../server/store/audit-log';
import { createStageHistory, type StageHistory } from '../../../server/store/stage-history';
import { createBoardLookups } from '../../../server/trello/board-lookups';
import { createTrelloClient } from '../../../server/trello/create-trello-client';
import { judgedMove } from '../../helpers/audit-entries';
import { deleteKeys, testRedis, uniquePrefix } from '../../helpers/redis';
import { testLog } from '../../helpers/silent-log';
import { stationUpTo } from '../../stack/station-data';
import { STAGE } from '../../rules/default-rules';
import { startTrelloSimulator, type DemoBoard, type TrelloSimulator } from '../../simulator';

/**
 * The dry run's world: the simulator with the demo board, real Redis under a prefix of its own, and
 * the service's own Trello client, lookups, stage history and audit log over them. The Trello client
 * has a Redis connection of its own (its rate limiter's), so a test can tell its commands apart.
 */
export type PreviewKit = {
  sim: TrelloSimulator;
  board: DemoBoard;
  redis: Redis;
  trelloRedis: Redis;
  prefix: string;
  history: StageHistory;
  audit: AuditLog;
  deps: PreviewRulesDeps;
  close(): Promise<void>;
};

export async function startPreviewKit(name: string): Promise<PreviewKit> {
  const sim = await startTrelloSimulator({ appSecret: `${name}-secret` });
  const board = sim.seedDemoBoard();
  const redis = testRedis();
  const trelloRedis = testRedis();
  const prefix = uniquePrefix(name);
  const log = testLog();
  const trello = createTrelloClient({
    baseUrl: sim.url, key: board.key, token: board.members.gatekeeper.token, redis: trelloRedis, keyPrefix: prefix, log,
  });
  const history = createStageHistory({ redis, prefix });
  const audit = createAuditLog({ redis, prefix });
  const deps: PreviewRulesDeps = { powerUpId: board.powerUpId, trello, lookups: createBoardLookups({ trello }), history, audit, log };
  return {
    sim, board, redis, trelloRedis, prefix, history, audit, deps,
    async close() {
      await sim.close();
      await deleteKeys(redis, prefix);
      redis.disconnect();
      trelloRedis.disconnect();
    },
  };
}

/** The instant `days` working days (of the rules' calendar) before `now`, to the hour. */
export function workingDaysAgo(config: ProcessConfig, days: number, now: Date): Date {
  const calendar = calendarOf(config);
  let at = new Date(now);
  while (workingTimeBetween(calendar, at, now).days < days) at = new Date(at.getTime() - 3600_000);
  return at;
}

/** The seeded board: who is where, with what data, since when. */
export type SeededBoard = { romashka: string; lutik: string; vasilek: string; landysh: string; enteredContract: Date };

/**
 * Four stations: «Радио Ромашка» signed and paid in «Договор и оплата» for three working days, no
 * BIK; «Радио Лютик» moved into «Подключение» an hour ago by the director, no BIK; «Радио Василёк»
 * with its BIK in «Договор и оплата» since now; «Радио Ландыш» just in.
 */
export async function seedBoard(kit: PreviewKit, config: ProcessConfig, now: Date): Promise<SeededBoard> {
  const { sim, board, history } = kit;
  const ui = sim.ui('manager');
  const unpaid = stationUpTo('contractSignedAndPaid');
  const card = (list: string, name: string, station: Record<string, unknown>) => {
    const id = ui.createCard(list, name);
    if (Object.keys(station).length) ui.setPluginData(id, { station });
    return id;
  };
  const romashka = card(STAGE.contract, 'Радио Ромашка', unpaid);
  const lutik = card(STAGE.connection, 'Радио Лютик', { ...unpaid, 'station.name': 'Радио Лютик' });
  const vasilek = card(STAGE.contract, 'Радио Василёк', { ...unpaid, 'station.name': 'Радио Василёк', 'org.bik': '044525225', 'org.account': '40702810638000000000' });
  const landysh = card(STAGE.request, 'Радио Ландыш', {});

  const enteredContract = workingDaysAgo(config, 3, now);
  const visit = (cardId: string, stage: string, at: Date, actionId: string) =>
    history.enter(cardId, { stage, listId: board.lists[stage]!, at: at.toISOString(), actionId });
  await visit(romashka, STAGE.contract, enteredContract, 'romashka-in');
  await visit(lutik, STAGE.contract, workingDaysAgo(config, 5, now), 'lutik-in');
  await visit(lutik, STAGE.connection, new Date(now.getTime() - 3600_000), 'lutik-connected');
  await visit(vasilek, STAGE.contract, now, 'vasilek-in');
  await visit(landysh, STAGE.request, now, 'landysh-in');
  return { romashka, lutik, vasilek, landysh, enteredContract };
}

/** A decision as the worker writes it, on the kit's board: the director's move from «Договор и оплата» to «Подключение». */
export async function appendJudged(kit: PreviewKit, entry: Partial<AuditEntry> & Pick<AuditEntry, 'actionId' | 'cardId' | 'cardName'>): Promise<void> {
  const written = await kit.audit.append(judgedMove(kit.board, { from: STAGE.contract, to: STAGE.connection }, { mover: 'director', ...entry }));
  if (!written) throw new Error(`appendJudged: action ${entry.actionId} was already in the audit log`);
}
