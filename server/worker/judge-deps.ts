import type { Logger } from 'pino';
import type { ProcessConfig } from '../../rules';
import type { DeadlineScheduler } from '../deadlines/deadline-scheduler';
import type { AuditLog } from '../store/audit-log';
import type { JudgedActions } from '../store/judged-actions';
import type { StageHistory } from '../store/stage-history';
import type { Notifier } from '../notify/notice';
import type { TrelloClient } from '../trello/create-trello-client';
import type { PendingReverts } from './pending-changes';

/** What judging a card event needs; its own module so the steps (enter, revert) need not import the judge. */
export type JudgeDeps = {
  config: ProcessConfig;
  trello: Pick<TrelloClient, 'getCard' | 'moveCard' | 'addChecklist' | 'addCheckItems' | 'getBoardLists'>;
  history: StageHistory;
  /** Every accepted entry starts its stage's clock here. */
  deadlines: DeadlineScheduler;
  audit: AuditLog;
  judged: JudgedActions;
  reverts: PendingReverts;
  notifier: Notifier;
  botMemberId: string;
  powerUpId: string;
  dryRun: boolean;
  log: Logger;
};
