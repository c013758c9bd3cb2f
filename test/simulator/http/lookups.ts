import type { Request, Response } from 'express';
import type { SimContext } from '../context';
import { invalidValue, notFound, unauthorized } from '../errors';
import type { BoardRecord, CardRecord, ChecklistRecord, ListRecord } from '../state/records';
import { actorOf } from './authenticate';
import { idParam, pathId, type Params } from './params';

/**
 * Path lookups with Trello's error ladder: malformed id → 400 `invalid id`, unknown →
 * 404, a board the token's member is not on → 401 `unauthorized <model> permission
 * requested` (Trello's wording for cards; used for every model here).
 */

export function assertCanRead(res: Response, board: BoardRecord, model: string): void {
  if (!board.memberIds.includes(actorOf(res).member.id)) throw unauthorized(model);
}

export function cardFromPath(ctx: SimContext, req: Request, res: Response, name = 'id'): CardRecord {
  const card = ctx.state.cardByIdOrShortLink(pathId(req, name, true));
  if (!card) throw notFound();
  assertCanRead(res, ctx.state.boardOf(card), 'card');
  return card;
}

export function boardFromPath(ctx: SimContext, req: Request, res: Response): BoardRecord {
  const board = ctx.state.boardByIdOrShortLink(pathId(req, 'id', true));
  if (!board) throw notFound();
  assertCanRead(res, board, 'board');
  return board;
}

export function checklistFromPath(ctx: SimContext, req: Request, res: Response): ChecklistRecord {
  const checklist = ctx.state.checklists.get(pathId(req, 'id'));
  if (!checklist) throw notFound();
  assertCanRead(res, ctx.state.boardOf(checklist), 'checklist');
  return checklist;
}

/** A body/query id naming a list, e.g. `idList`: a wrong one is `invalid value for idList`. */
export function listFromParam(ctx: SimContext, res: Response, params: Params, name: string): ListRecord | undefined {
  const id = idParam(params, name);
  if (id === undefined) return undefined;
  const list = ctx.state.lists.get(id);
  if (!list) throw invalidValue(name);
  assertCanRead(res, ctx.state.boardOf(list), 'list');
  return list;
}

export function cardFromParam(ctx: SimContext, res: Response, params: Params, name: string): CardRecord {
  const id = idParam(params, name);
  const card = id === undefined ? undefined : ctx.state.cards.get(id);
  if (!card) throw invalidValue(name);
  assertCanRead(res, ctx.state.boardOf(card), 'card');
  return card;
}
