import type { Logger } from 'pino';
import { findStage, type ProcessConfig, type Stage } from '../../rules';
import type { StageHistory } from '../store/stage-history';
import type { TrelloClient } from '../trello/create-trello-client';
import type { TrelloBoardCard } from '../trello/schema';
import type { DeadlineScheduler } from './deadline-scheduler';
import { latestArrival } from './latest-arrival';

export type RebuildDeps = {
  config: ProcessConfig;
  history: Pick<StageHistory, 'current' | 'seed'>;
  trello: Pick<TrelloClient, 'getBoardLists' | 'getBoardCards' | 'getCardArrivals'>;
  deadlines: Pick<DeadlineScheduler, 'entered'>;
  log: Logger;
};

/**
 * Gives every open card of the board that sits in a stage but has no stage history (it was there
 * before the service, or its events were missed) its current visit, read from its Trello actions,
 * and that visit's deadlines. Two requests for the board, then one per such card, each through the
 * client's shared rate limiter: a big board takes longer, it never gets 429s. Safe to run again:
 * cards with a history are skipped, and a live event that got there first wins.
 */
export async function rebuildBoardHistory(boardId: string, deps: RebuildDeps): Promise<{ cards: number; rebuilt: number }> {
  const [lists, cards] = await Promise.all([deps.trello.getBoardLists(boardId), deps.trello.getBoardCards(boardId)]);
  const stageOfList = new Map<string, Stage>();
  for (const list of lists) {
    const stage = list.closed ? undefined : findStage(deps.config, list.name);
    if (stage) stageOfList.set(list.id, stage);
  }
  let rebuilt = 0;
  for (const card of cards) {
    const stage = stageOfList.get(card.idList);
    if (!stage || (await deps.history.current(card.id))) continue;
    if (await rebuildCard(boardId, card, stage, deps)) rebuilt += 1;
  }
  deps.log.info({ boardId, cards: cards.length, rebuilt }, 'stage history rebuilt from Trello actions');
  return { cards: cards.length, rebuilt };
}

async function rebuildCard(boardId: string, card: TrelloBoardCard, stage: Stage, deps: RebuildDeps): Promise<boolean> {
  const arrival = latestArrival(await deps.trello.getCardArrivals(card.id), card.id, card.idList);
  const entry = {
    stage: stage.list,
    listId: card.idList,
    at: arrival.at,
    actionId: arrival.actionId,
    kind: stage.suspension ? ('suspension' as const) : undefined,
  };
  if (!(await deps.history.seed(card.id, entry))) return false;
  await deps.deadlines.entered({ boardId, cardId: card.id }, entry, null);
  return true;
}
