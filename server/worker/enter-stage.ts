import { checklistForStage, membersOfRole, sameName, type Stage } from '../../rules';
import type { CardEvent } from '../queue/card-event';
import type { TrelloClient } from '../trello/create-trello-client';
import type { TrelloCard } from '../trello/schema';
import type { JudgeDeps } from './judge-card-event';

/** Only what entering a stage touches, so the Power-Up API's «Следующий этап» can call it too. */
export type EnterStageDeps = Pick<JudgeDeps, 'config' | 'history' | 'notifier' | 'dryRun'> & {
  trello: Pick<TrelloClient, 'addChecklist'>;
};

/** An accepted arrival: record the visit, add the stage's checklist, tell the stage's owner. */
export async function enterStage(event: CardEvent, card: TrelloCard, stage: Stage, deps: EnterStageDeps): Promise<void> {
  await deps.history.enter(event.cardId, {
    stage: stage.list,
    listId: event.toList.id,
    at: event.date,
    actionId: event.actionId,
  });
  // The card already left again: the next event speaks for where it is now.
  if (card.idList !== event.toList.id || deps.dryRun) return;

  const checklist = checklistForStage(deps.config, stage.list);
  if (checklist && !card.checklists.some((c) => sameName(c.name, checklist.name))) {
    await deps.trello.addChecklist(event.cardId, checklist.name, checklist.items);
  }
  await deps.notifier.send({
    kind: 'stage-entered',
    arrival: event.kind,
    actionId: event.actionId,
    boardId: event.boardId,
    cardId: event.cardId,
    cardName: card.name,
    stage: stage.list,
    mover: { username: event.mover.username, fullName: event.mover.fullName },
    recipients: membersOfRole(deps.config, stage.owner),
  });
}
