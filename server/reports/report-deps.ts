import type { Logger } from 'pino';
import type { ProcessConfig } from '../../rules';
import type { BoardLookups } from '../trello/board-lookups';
import type { TtlCache } from '../trello/ttl-cache';
import type { AuditLog } from '../store/audit-log';
import type { Responsibles } from '../store/responsibles';
import type { StageHistory } from '../store/stage-history';
import type { TrelloClient } from '../trello/create-trello-client';
import type { TrelloBoardCard } from '../trello/schema';

/** What the director's view reads (and «Беру» writes): one set, built once by createPowerUpApi. */
export type ReportDeps = {
  config: ProcessConfig;
  /** Station data is this Power-Up's shared card pluginData. */
  powerUpId: string;
  trello: Pick<TrelloClient, 'getCard' | 'getBoardCards' | 'addCardMember'>;
  /** The board's cards, shared with the badges' status: one Trello call per board per 20 s. */
  boardCards: TtlCache<TrelloBoardCard[]>;
  lookups: BoardLookups;
  history: Pick<StageHistory, 'all' | 'allOf' | 'current'>;
  responsibles: Responsibles;
  audit: Pick<AuditLog, 'between' | 'olderThan' | 'recordsOfCard'>;
  /** A take changed a card: the board's cached cards are read afresh next time. */
  boardChanged(boardId: string): void;
  dryRun: boolean;
  log: Logger;
  now: () => number;
};
