import { Router, type Response } from 'express';
import type { SimContext } from '../context';
import { invalidValue, notFound } from '../errors';
import { actorOf } from '../http/authenticate';
import { cardFromParam, cardFromPath, checklistFromPath } from '../http/lookups';
import { boolParam, paramsOf, pathId, posParam, requiredParam, type Params } from '../http/params';
import { addCheckItem, addChecklist, findCheckItem, setCheckItemState } from '../operations/checklist-operations';
import type { CardRecord } from '../state/records';
import { checkItemJson, checklistJson } from '../serialize/checklist-json';

/** Checklists and check items (docs/trello-reference.md §3.7). */
export function checklistsRoutes(ctx: SimContext): Router {
  const router = Router();
  const { state } = ctx;

  const create = (res: Response, card: CardRecord, params: Params) => {
    const name = params.get('name') ?? 'Checklist';
    const checklist = addChecklist(state, actorOf(res), card, { name, pos: posParam(params) });
    res.json(checklistJson(checklist));
  };

  router.get('/cards/:id/checklists', (req, res) => {
    const card = cardFromPath(ctx, req, res);
    res.json(state.checklistsOf(card.id).map((c) => checklistJson(c)));
  });

  router.post('/cards/:id/checklists', (req, res) => {
    create(res, cardFromPath(ctx, req, res), paramsOf(req));
  });

  router.post('/checklists', (req, res) => {
    const params = paramsOf(req);
    create(res, cardFromParam(ctx, res, params, 'idCard'), params);
  });

  router.get('/checklists/:id', (req, res) => {
    res.json(checklistJson(checklistFromPath(ctx, req, res)));
  });

  router.post('/checklists/:id/checkItems', (req, res) => {
    const checklist = checklistFromPath(ctx, req, res);
    const params = paramsOf(req);
    const name = requiredParam(params, 'name');
    if (name.length === 0 || name.length > 16384) throw invalidValue('name');
    const item = addCheckItem(state, actorOf(res), checklist, {
      name,
      checked: boolParam(params, 'checked'),
      pos: posParam(params),
    });
    res.json(checkItemJson(item));
  });

  // Emits updateCheckItemStateOnCard when the state changes (docs/trello-reference.md §3.7).
  router.put('/cards/:id/checkItem/:idCheckItem', (req, res) => {
    const card = cardFromPath(ctx, req, res);
    const item = findCheckItem(state, card, pathId(req, 'idCheckItem'));
    if (!item) throw notFound();
    const value = paramsOf(req).get('state');
    if (value !== undefined) {
      const complete = value === 'complete' || value === 'true';
      if (!complete && value !== 'incomplete' && value !== 'false') throw invalidValue('state');
      setCheckItemState(state, actorOf(res), card, item, complete);
    }
    res.json(checkItemJson(item));
  });

  return router;
}
