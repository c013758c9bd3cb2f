import { stageTimeStatus, type ProcessConfig } from '../../rules';
import type { BoardStatus, CardStatus, StageMovers, StageTime } from '../../powerup/model/api-contract';
import { snapshotChecklists } from '../stage/card-snapshot';
import type { StageVisit } from '../store/stage-history';
import type { TrelloBoardCard } from '../trello/schema';

// The answer's types are the Power-Up's (a type-only import): what the badges read is defined once.

/**
 * Joins Trello's view of the board (lists, checklists) with the service's stage history (when each
 * card entered its stage) and the working-time calendar (how long it has been there, against the limit).
 */
export async function boardStatus(opts: {
  config: ProcessConfig;
  cards: TrelloBoardCard[];
  currentVisit(cardId: string): Promise<StageVisit | null>;
  /** Who may move cards into the stages that say so, as the member asking sees it. */
  movers: StageMovers;
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
  return { generatedAt: opts.now.toISOString(), cards, movers: opts.movers };
}

function timeInStage(config: ProcessConfig, visit: StageVisit, now: Date): StageTime {
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
