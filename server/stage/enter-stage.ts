import type { Logger } from 'pino';
import {
  checklistForStage,
  membersOfRole,
  missingForStage,
  nextStage,
  sameName,
  type CardSnapshot,
  type ProcessConfig,
  type Stage,
} from '../../rules';
import type { DeadlineScheduler } from '../deadlines/deadline-scheduler';
import { suspensionNotice } from '../deadlines/suspension-notice';
import { aboutCardEvent } from '../notify/about-card-event';
import type { Notifier } from '../notify/notice';
import type { CardEvent } from '../queue/card-event';
import type { StageHistory } from '../store/stage-history';
import type { TrelloClient } from '../trello/create-trello-client';
import type { TrelloCard } from '../trello/schema';
import { toCardSnapshot } from './card-snapshot';

/**
 * Only what entering a stage touches. Its own type, not a part of the worker's `JudgeDeps`: the
 * worker, the Power-Up API's «Следующий этап» and the sweep finishing one all pass theirs, each a
 * superset of this.
 */
export type EnterStageDeps = {
  config: ProcessConfig;
  /** The rules version `config` is, for the audit entry that follows an entry. */
  rulesVersion: number;
  history: StageHistory;
  /** The visit's clock starts here; the deadlines of the visit it ends are cancelled. */
  deadlines: Pick<DeadlineScheduler, 'entered'>;
  notifier: Notifier;
  trello: Pick<TrelloClient, 'addChecklist' | 'addCheckItems'>;
  /** Whose card pluginData holds the station data the next stage's needs are read from. */
  powerUpId: string;
  /** The visit is recorded and its clock started, but no checklist is added and no one told. */
  dryRun: boolean;
  log: Logger;
};

/**
 * An accepted arrival: record the visit and start its clock (the deadlines of the visit it ends are
 * cancelled), add the stage's checklist, tell the stage's owner, or the engineers on a suspension.
 */
export async function enterStage(event: CardEvent, card: TrelloCard, stage: Stage, deps: EnterStageDeps): Promise<void> {
  const entry = {
    stage: stage.list,
    listId: event.toList.id,
    at: event.date,
    actionId: event.actionId,
    kind: stage.suspension ? ('suspension' as const) : undefined,
  };
  const left = await deps.history.enter(event.cardId, entry);
  await deps.deadlines.entered({ boardId: event.boardId, cardId: event.cardId }, entry, left);
  // The card already left again: the next event speaks for where it is now.
  if (card.idList !== event.toList.id || deps.dryRun) return;

  const added = await ensureChecklist(event, card, stage, deps);
  const suspension = suspensionNotice(event, card, stage, left, deps.config);
  if (suspension) await deps.notifier.send(suspension);
  // Into a suspension, the engineers' notice to stop is all the owner's arrival notice would say.
  if (suspension?.kind === 'suspended') return;
  await deps.notifier.send({
    kind: 'stage-entered',
    arrival: event.kind,
    ...aboutCardEvent(event, card),
    stage: stage.list,
    recipients: membersOfRole(deps.config, stage.owner),
    next: whatComesNext(card, stage, added, deps),
    ...(event.detectedBy ? { detectedBy: event.detectedBy } : {}),
  });
}

/**
 * The stage's checklist on the card, whole: added if missing, and completed with the items a run
 * killed half-way through adding them did not get to. Returns what it added, unticked, as the
 * rules read checklists: the card read before the adding does not have it.
 */
async function ensureChecklist(
  event: CardEvent,
  card: TrelloCard,
  stage: Stage,
  deps: EnterStageDeps,
): Promise<CardSnapshot['checklists']> {
  const checklist = checklistForStage(deps.config, stage.list);
  if (!checklist) return [];
  const unticked = (items: string[]) => [{ name: checklist.name, items: items.map((name) => ({ name, complete: false })) }];
  const present = card.checklists.find((c) => sameName(c.name, checklist.name));
  if (!present) {
    await deps.trello.addChecklist(event.cardId, checklist.name, checklist.items);
    return unticked(checklist.items);
  }
  const missing = checklist.items.filter((item) => !present.checkItems.some((i) => sameName(i.name, item)));
  if (missing.length === 0) return [];
  await deps.trello.addCheckItems(present.id, missing);
  return unticked(missing);
}

/**
 * The owner's first question: what does the card still lack for the stage after this one? The
 * checklist just added counts as on the card, so the notice lists its unticked items rather than
 * saying the card has no such checklist. Its items join the card's copy if any: the rules count
 * an item ticked in either copy.
 */
function whatComesNext(card: TrelloCard, stage: Stage, added: CardSnapshot['checklists'], deps: EnterStageDeps) {
  const next = nextStage(deps.config, stage.list);
  if (!next) return undefined;
  const snapshot = toCardSnapshot(card, deps.powerUpId, deps.log);
  const missing = missingForStage(deps.config, next.list, { ...snapshot, checklists: [...snapshot.checklists, ...added] });
  return { stage: next.list, needs: missing.map(({ ru, en }) => ({ ru, en })) };
}
