import type { Router } from 'express';
import type { ProcessConfig } from '../../rules';
import type { StageHistory } from '../store/stage-history';
import type { TrelloBoardCard } from '../trello/schema';
import { apiRouter } from './api-router';
import { boardStatus } from './board-status';
import { claimsOf, requireBoard } from './require-trello-jwt';
import type { TtlCache } from './ttl-cache';

/**
 * `GET /api/boards/:boardId/cards/status`: every card of the board in one answer, so a board of
 * 200 cards is one request from the Power-Up and at most one Trello call per 20 s (the cache).
 */
export function cardStatusRoute(deps: {
  config: ProcessConfig;
  boardCards: TtlCache<TrelloBoardCard[]>;
  history: Pick<StageHistory, 'current'>;
  now: () => number;
}): Router {
  const router = apiRouter();
  router.get('/boards/:boardId/cards/status', async (req, res) => {
    const { boardId } = req.params;
    requireBoard(claimsOf(res), boardId);
    const status = await boardStatus({
      config: deps.config,
      cards: await deps.boardCards.get(boardId),
      currentVisit: (cardId) => deps.history.current(cardId),
      now: new Date(deps.now()),
    });
    // Time in stage changes by the minute: the Power-Up asks again rather than trusting a copy.
    res.set('Cache-Control', 'private, no-cache').json(status);
  });
  return router;
}
