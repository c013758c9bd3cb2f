import { Router, type Response } from 'express';
import type { SimContext } from '../context';
import { invalidValue } from '../errors';
import { actorOf } from '../http/authenticate';
import { assertCanRead, boardFromPath } from '../http/lookups';
import { idParam, paramsOf, posParam, type Params } from '../http/params';
import { createList } from '../operations/list-operations';
import { listJson } from '../serialize/board-json';
import type { BoardRecord } from '../state/records';

/**
 * Creating lists: `POST /1/lists` (`name`, `idBoard`, `pos`) and `POST /1/boards/{id}/lists`
 * (`name`, `pos`), both answering with the new list (docs/trello-reference.md §3.4's list shape).
 * `pos` is `top`, `bottom` or a positive float; `idListSource` (copy a list) is not simulated.
 */
export function listsRoutes(ctx: SimContext): Router {
  const router = Router();
  const { state } = ctx;

  const create = (res: Response, board: BoardRecord, params: Params) => {
    const list = createList(state, actorOf(res), { board, name: nameParam(params), pos: posParam(params) });
    res.json(listJson(list));
  };

  router.post('/lists', (req, res) => {
    const params = paramsOf(req);
    const boardId = idParam(params, 'idBoard');
    const board = boardId === undefined ? undefined : state.boards.get(boardId);
    if (!board) throw invalidValue('idBoard');
    assertCanRead(res, board, 'board');
    create(res, board, params);
  });

  router.post('/boards/:id/lists', (req, res) => {
    create(res, boardFromPath(ctx, req, res), paramsOf(req));
  });

  return router;
}

/** 1 to 16384 characters, as Trello's swagger says for a list's name. */
function nameParam(params: Params): string {
  const name = params.get('name');
  if (name === undefined || name.length === 0 || name.length > 16384) throw invalidValue('name');
  return name;
}
