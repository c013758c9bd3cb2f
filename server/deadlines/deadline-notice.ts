import { membersOfRole, type People, type Person, type ProcessConfig, type Stage } from '../../rules';
import type { Notice } from '../notify/notice';
import type { TrelloCard } from '../trello/schema';
import type { DeadlineJob } from './deadline-job';

export type DeadlineNotice = Extract<Notice, { kind: 'deadline-passed' | 'deadline-escalated' }>;

/**
 * What a deadline that fired says, and to whom: the stage's owners when its time ran out, its
 * controllers (naming the owners) on escalation. Once someone took the card in this visit («Беру»,
 * `responsible` is that person) they stand for the owners: it is their turn, not the whole role's.
 * The escalation names the owners in full where it can: the responsible's name as they took the
 * card, else the board's `people`. `jobId` stands in for an action id: it is unique per visit and
 * kind, so a retried job sends one notice.
 */
export function deadlineNotice(
  job: DeadlineJob,
  jobId: string,
  card: Pick<TrelloCard, 'name' | 'shortUrl'>,
  stage: Stage,
  config: ProcessConfig,
  responsible: Person | null = null,
  people?: People,
): DeadlineNotice {
  const named = responsible ? [responsible] : membersOfRole(config, stage.owner).map((username) => people?.(username) ?? { username, fullName: null });
  const owners = named.map((person) => person.username);
  const base = {
    actionId: jobId,
    boardId: job.boardId,
    cardId: job.cardId,
    cardName: card.name,
    cardUrl: card.shortUrl,
    stage: stage.list,
    enteredAt: job.enteredAt,
    deadline: job.deadline,
  };
  if (job.kind === 'deadline') return { ...base, kind: 'deadline-passed', limit: limitOf(stage), recipients: owners };
  const ownerNames = named.map((person) => person.fullName ?? '');
  return {
    ...base,
    kind: 'deadline-escalated',
    owners,
    ...(ownerNames.some((name) => name !== '') ? { ownerNames } : {}),
    recipients: membersOfRole(config, stage.controller),
  };
}

function limitOf(stage: Stage): { days?: number; hours?: number } {
  return stage.limitWorkingHours !== undefined ? { hours: stage.limitWorkingHours } : { days: stage.limitWorkingDays };
}
