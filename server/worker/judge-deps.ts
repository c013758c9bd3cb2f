import type { Logger } from 'pino';
import type { ProcessConfig } from '../../rules';
import type { DeadlineScheduler } from '../deadlines/deadline-scheduler';
import type { AuditLog } from '../store/audit-log';
import type { JudgedActions } from '../store/judged-actions';
import type { StageHistory } from '../store/stage-history';
import type { Notifier } from '../notify/notice';
import type { BoardLookups } from '../trello/board-lookups';
import type { TrelloClient } from '../trello/create-trello-client';
import type { PendingReverts } from '../stage/pending-changes';

/** What judging a card event needs; its own module so the steps (enter, revert) need not import the judge. */
export type JudgeDeps = {
  config: ProcessConfig;
  /** The rules version `config` is: every audit entry names the version it was judged under. */
  rulesVersion: number;
  trello: Pick<TrelloClient, 'getCard' | 'moveCard' | 'addChecklist' | 'addCheckItems' | 'getBoardLists' | 'getCardArrivals'>;
  /**
   * The board's members, cached: a refusal that names a role's members gives their full names. Read
   * only for such a refusal; when Trello cannot answer, the refusal names usernames.
   */
  lookups: Pick<BoardLookups, 'members'>;
  history: StageHistory;
  /** Every accepted entry starts its stage's clock here. */
  deadlines: Pick<DeadlineScheduler, 'entered'>;
  audit: AuditLog;
  judged: JudgedActions;
  reverts: PendingReverts;
  notifier: Notifier;
  botMemberId: string;
  powerUpId: string;
  dryRun: boolean;
  log: Logger;
};
