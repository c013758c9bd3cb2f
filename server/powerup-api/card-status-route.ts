import type { Router } from 'express';
import type { ProcessConfig } from '../../rules';
import type { StageHistory } from '../store/stage-history';
import type { BoardLookups } from '../trello/board-lookups';
import type { TrelloBoardCard } from '../trello/schema';
import type { TtlCache } from '../trello/ttl-cache';
import { apiRouter } from './api-router';
import { boardStatus } from './board-status';
import { claimsOf, requireBoard } from './require-trello-jwt';
import { stageMovers } from './stage-movers';

/**
 * `GET /api/boards/:boardId/cards/status`: every card of the board in one answer, so a board of
 * 200 cards is one request from the Power-Up and at most one Trello call per 20 s (the cache).
 */
export function cardStatusRoute(deps: {
  config: ProcessConfig;
  boardCards: TtlCache<TrelloBoardCard[]>;
  history: Pick<StageHistory, 'current'>;
  lookups: Pick<BoardLookups, 'members'>;
  now: () => number;
}): Router {
  const router = apiRouter();
  router.get('/boards/:boardId/cards/status', async (req, res) => {
    const { boardId } = req.params;
    const claims = claimsOf(res);
    requireBoard(claims, boardId);
    const [cards, members] = await Promise.all([deps.boardCards.get(boardId), deps.lookups.members(boardId)]);
    const viewer = members.find((member) => member.id === claims.idMember);
    const status = await boardStatus({
      config: deps.config,
      cards,
      currentVisit: (cardId) => deps.history.current(cardId),
      movers: stageMovers(deps.config, viewer?.username, members),
      now: new Date(deps.now()),
    });
    // Time in stage changes by the minute: the Power-Up asks again rather than trusting a copy.
    res.set('Cache-Control', 'private, no-cache').json(status);
  });
  return router;
}
