import { Router, type RequestParamHandler } from 'express';
import { ApiError } from './api-errors';

// Trello's ids are MongoDB object ids: 24 lower-case hex digits. Anything else in the path would
// only cost a Trello call that fails (and a 502 logged as Trello's fault).
const TRELLO_ID = /^[0-9a-f]{24}$/;

/**
 * A router for /api routes: a `:cardId` or `:boardId` in a path that is not a Trello id is
 * refused with 400 before the route runs. Every /api route is made with this, so a new one taking
 * an id gets the check without asking.
 */
export function apiRouter(): Router {
  const router = Router();
  router.param('cardId', trelloId('bad_card_id', 'card'));
  router.param('boardId', trelloId('bad_board_id', 'board'));
  return router;
}

function trelloId(code: string, what: string): RequestParamHandler {
  return (_req, _res, next, value: unknown) => {
    if (typeof value === 'string' && TRELLO_ID.test(value)) return next();
    next(new ApiError(400, code, `a ${what} id is 24 hexadecimal digits, as Trello makes them`));
  };
}
