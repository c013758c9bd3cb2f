import type { RequestHandler } from 'express';
import type { WatchedBoards } from '../store/watched-boards';
import { ApiError } from './api-errors';
import { claimsOf } from './require-trello-jwt';

/**
 * Trello signs a t.jwt() for any board the Power-Up is enabled on; only the boards this deployment
 * enforces may use its API. Runs after requireTrelloJwt: an unsigned token learns nothing of which
 * boards are watched.
 */
export function requireWatchedBoard(watched: Pick<WatchedBoards, 'has'>): RequestHandler {
  return async (_req, res, next) => {
    if (!(await watched.has(claimsOf(res).idBoard))) {
      throw new ApiError(403, 'board_not_watched', 'this service does not enforce the board the token was issued on');
    }
    next();
  };
}
