import { stageTimeStatus, type CardSnapshot, type ProcessConfig, type StageTimeState } from '../../rules';
import type { StageVisit } from '../store/stage-history';
import type { TrelloBoardCard } from '../trello/schema';
import { snapshotChecklists } from '../worker/card-snapshot';

export type CardTime = { elapsedDays: number; limitDays: number | null; state: StageTimeState };

export type CardStatus = {
  listId: string;
  checklists: CardSnapshot['checklists'];
  /** The stage the service saw the card enter in the list it is in now; null when it has no record of that. */
  stage: string | null;
  enteredAt: string | null;
  time: CardTime | null;
};

/** The body of `GET /api/boards/:boardId/cards/status`: what every card's badges need, for a whole board at once. */
export type BoardStatus = { generatedAt: string; cards: Record<string, CardStatus> };

/**
 * Joins Trello's view of the board (lists, checklists) with the service's stage history (when each
 * card entered its stage) and the working-time calendar (how long it has been there, against the limit).
 */
export async function boardStatus(opts: {
  config: ProcessConfig;
  cards: TrelloBoardCard[];
  currentVisit(cardId: string): Promise<StageVisit | null>;
  now: Date;
}): Promise<BoardStatus> {
  // One Redis read per card, issued together: ioredis pipelines them on the one connection.
  const visits = await Promise.all(opts.cards.map((card) => opts.currentVisit(card.id)));
  const cards: Record<string, CardStatus> = {};
  opts.cards.forEach((card, index) => {
    // A visit to another list is stale: the card left (or was dragged back) without us recording it.
    const visit = visits[index]?.listId === card.idList ? visits[index]! : null;
    cards[card.id] = {
      listId: card.idList,
      checklists: snapshotChecklists(card.checklists),
      stage: visit?.stage ?? null,
      enteredAt: visit?.enteredAt ?? null,
      time: visit ? timeInStage(opts.config, visit, opts.now) : null,
    };
  });
  return { generatedAt: opts.now.toISOString(), cards };
}

function timeInStage(config: ProcessConfig, visit: StageVisit, now: Date): CardTime {
  const status = stageTimeStatus(config, visit.stage, new Date(visit.enteredAt), now);
  return {
    elapsedDays: roundTo2(status.elapsed.days),
    limitDays: status.limit ? roundTo2(status.limit.days) : null,
    state: status.state,
  };
}

function roundTo2(value: number): number {
  return Math.round(value * 100) / 100;
}
