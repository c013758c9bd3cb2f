import type { Logger } from 'pino';
import { findStage, type ProcessConfig, type Stage } from '../../rules';
import type { Notifier } from '../notify/notice';
import type { Responsibles } from '../store/responsibles';
import type { StageHistory } from '../store/stage-history';
import { boardPeople, type BoardLookups } from '../trello/board-lookups';
import type { TrelloClient } from '../trello/create-trello-client';
import { TrelloUnrecoverableError } from '../trello/errors';
import type { TrelloCard } from '../trello/schema';
import type { DeadlineJob } from './deadline-job';
import { deadlineNotice, type DeadlineNotice } from './deadline-notice';

export type FireDeps = {
  config: ProcessConfig;
  history: Pick<StageHistory, 'current'>;
  /** Who took the card in the visit («Беру»): they hear of its deadline instead of the whole role. */
  responsibles: Pick<Responsibles, 'forVisit'>;
  trello: Pick<TrelloClient, 'getCard'>;
  /** The board's members, cached: an escalation names the owners in full (usernames when Trello cannot say). */
  lookups: Pick<BoardLookups, 'members'>;
  notifier: Notifier;
  dryRun: boolean;
  log: Logger;
};

export type FireOutcome = { notice: DeadlineNotice['kind'] | null; stale: string | null };

/**
 * A deadline came due. It speaks only if the card still sits in the very visit it was scheduled
 * for: the history's open visit is the same entry (leaving cancels the job, but a job may already
 * be running, or a cancel may have failed), and Trello — asked once, now — still has the card open
 * in that list (a move out of the process, an archive or a delete leaves no stage entry).
 */
export async function fireDeadline(job: DeadlineJob, jobId: string, deps: FireDeps): Promise<FireOutcome> {
  const check = await recheck(job, deps);
  if ('stale' in check) {
    deps.log.info({ kind: job.kind, stage: job.stage, reason: check.stale }, 'deadline dropped: the card is no longer in that visit');
    return { notice: null, stale: check.stale };
  }
  const taken = await deps.responsibles.forVisit(job.cardId, job.enteredAt);
  const responsible = taken ? { username: taken.username, fullName: taken.fullName } : null;
  // The escalation names the whole role's owners: by full name when the board's members can be read.
  const people = job.kind === 'escalation' && !responsible ? await boardPeople(deps.lookups, job.boardId, deps.log) : undefined;
  const notice = deadlineNotice(job, jobId, check.card, check.stage, deps.config, responsible, people);
  if (deps.dryRun) deps.log.info({ notice: notice.kind, recipients: notice.recipients }, 'dry run: deadline notice not sent');
  else await deps.notifier.send(notice);
  deps.log.info({ kind: job.kind, stage: job.stage, deadline: job.deadline }, 'deadline passed');
  return { notice: notice.kind, stale: null };
}

async function recheck(job: DeadlineJob, deps: FireDeps): Promise<{ card: TrelloCard; stage: Stage } | { stale: string }> {
  const visit = await deps.history.current(job.cardId);
  const same = visit && visit.leftAt === null && visit.stage === job.stage
    && visit.enteredAt === job.enteredAt && visit.actionId === job.actionId;
  if (!same) return { stale: 'left-the-stage' };
  const stage = findStage(deps.config, job.stage);
  if (!stage) return { stale: 'stage-not-in-rules' };
  const card = await cardOrNull(deps.trello, job.cardId);
  if (!card) return { stale: 'card-deleted' };
  if (card.closed) return { stale: 'card-archived' };
  if (card.idList !== job.listId) return { stale: 'card-left-the-list' };
  return { card, stage };
}

async function cardOrNull(trello: FireDeps['trello'], cardId: string): Promise<TrelloCard | null> {
  try {
    return await trello.getCard(cardId);
  } catch (err) {
    if (err instanceof TrelloUnrecoverableError && err.code === 'trello_not_found') return null;
    throw err;
  }
}
