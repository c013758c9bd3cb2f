import { Router } from 'express';
import type { Logger } from 'pino';
import type { DeadlineScheduler } from '../deadlines/deadline-scheduler';
import type { Notifier } from '../notify/notice';
import { versionedHandler, type ActiveRules, type LiveRules } from '../rules-store/live-rules';
import { reportsRouter } from '../reports/reports-router';
import type { PendingAdvances } from '../stage/pending-changes';
import type { AuditLog } from '../store/audit-log';
import type { Responsibles } from '../store/responsibles';
import type { StageHistory } from '../store/stage-history';
import type { WatchedBoards } from '../store/watched-boards';
import { createBoardLookups, type BoardLookups } from '../trello/board-lookups';
import type { TrelloClient } from '../trello/create-trello-client';
import type { TrelloBoardCard } from '../trello/schema';
import { createTtlCache, type TtlCache } from '../trello/ttl-cache';
import { apiErrorHandler } from './api-errors';
import { cardStatusRoute } from './card-status-route';
import { apiCors } from './cors';
import { createJwtKeySource } from './jwt-public-keys';
import { nextStageRoute } from './next-stage-route';
import { requireTrelloJwt } from './require-trello-jwt';
import { requireWatchedBoard } from './require-watched-board';
import { rulesRoute } from './rules-route';
import { createTrelloJwtVerifier } from './verify-trello-jwt';
import type { AccessLog } from '../vault/access-log';
import type { AccessLinks } from '../vault/access-links';
import type { SendMail } from '../vault/client-mailer';
import { shareRoute } from '../vault/share-route';
import { vaultRoutes } from '../vault/vault-routes';
import type { VaultStore } from '../vault/vault-store';

export type PowerUpApiOptions = {
  /** The rules in force: each request is answered under the version active as it arrives. */
  rules: Pick<LiveRules, 'current'>;
  /** POWERUP_ID: tokens for any other Power-Up are refused, and station data is read from its pluginData. */
  powerUpId: string;
  /** TRELLO_API_URL: where Trello publishes the keys that sign t.jwt() tokens. */
  trelloApiUrl: string;
  /** Browser origins that may call /api across origins (https://trello.com and the service's own). */
  allowedOrigins: string[];
  /** The boards this deployment enforces: a token issued on any other board is refused (403). */
  watchedBoards: Pick<WatchedBoards, 'has'>;
  trello: Pick<
    TrelloClient,
    | 'getCard' | 'moveCard' | 'addChecklist' | 'addCheckItems' | 'addCardMember' | 'getBoardCards' | 'getBoardMembers' | 'getBoardLists'
    | 'addComment' | 'setCheckItemState'
  >;
  history: StageHistory;
  audit: AuditLog;
  /** Who took which card in which stage («Беру»). */
  responsibles: Responsibles;
  /** «Следующий этап» moves in progress, finished by the sweep if this process dies mid-way. */
  advances: PendingAdvances;
  /** The notifier routing by a version's rules. */
  notifierFor(rules: ActiveRules): Notifier;
  /** Starts the clock of the stage a «Следующий этап» move enters, as the worker does for a drag (the version's limits). */
  deadlinesFor(rules: ActiveRules): DeadlineScheduler;
  /** Routes that do not depend on the version in force (the rules editor), behind the same JWT. */
  extraRoutes?: (parts: { lookups: BoardLookups; boardCards: TtlCache<TrelloBoardCard[]> }) => Router;
  dryRun: boolean;
  /** «Доступы»: the station credentials and their access log; null when the rules keep none. */
  vault?: { store: VaultStore; accessLog: AccessLog; links: AccessLinks; publicUrl: string; sendMail?: SendMail } | null;
  /** Told of every «Следующий этап» move made (the judged-moves metric). */
  onAdvanced?(): void;
  log: Logger;
  now?: () => number;
};

// Twenty badges refreshing together, or a board reopened within seconds, share one Trello call.
const BOARD_CARDS_TTL_MS = 20_000;

export type PowerUpApi = {
  router: Router;
  /** A webhook said something changed on the board: the next status request reads Trello afresh. */
  boardChanged(boardId: string): void;
};

/** The API the Power-Up's iframes call, under /api, every route behind a Trello-signed JWT. */
export function createPowerUpApi(opts: PowerUpApiOptions): PowerUpApi {
  const now = opts.now ?? Date.now;
  const keys = createJwtKeySource({ baseUrl: opts.trelloApiUrl, log: opts.log, now });
  const verify = createTrelloJwtVerifier({ keys, powerUpId: opts.powerUpId, now });
  const boardCards = createTtlCache({ ttlMs: BOARD_CARDS_TTL_MS, load: (id) => opts.trello.getBoardCards(id), now });
  const lookups = createBoardLookups({ trello: opts.trello, now });

  // The routes that read the rules, built once per version; a request runs under one version throughout.
  const versioned = versionedHandler(opts.rules, (rules) => {
    const deps = { ...opts, config: rules.config, rulesVersion: rules.version, notifier: opts.notifierFor(rules), deadlines: opts.deadlinesFor(rules) };
    const api = Router();
    api.use('/api', rulesRoute(rules.config));
    api.use('/api', cardStatusRoute({ config: rules.config, boardCards, history: opts.history, lookups, now }));
    api.use('/api', nextStageRoute({ ...deps, lookups, boardChanged: boardCards.forget }));
    api.use('/api', reportsRouter({ ...deps, boardCards, lookups, boardChanged: boardCards.forget, now }));
    if (opts.vault) {
      api.use('/api', vaultRoutes({ ...deps, ...opts.vault, boardCards, lookups }));
      api.use('/api', shareRoute({ ...deps, ...opts.vault, boardCards, lookups, now }));
    }
    return api;
  });

  const router = Router();
  router.use('/api', apiCors(opts.allowedOrigins), requireTrelloJwt(verify), requireWatchedBoard(opts.watchedBoards));
  if (opts.extraRoutes) router.use('/api', opts.extraRoutes({ lookups, boardCards }));
  router.use(versioned);
  router.use('/api', apiErrorHandler(opts.log));
  return { router, boardChanged: boardCards.forget };
}
