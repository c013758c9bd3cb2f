import { Router } from 'express';
import type { SimContext } from '../context';
import { actorOf } from '../http/authenticate';
import { cardFromPath } from '../http/lookups';
import { paramsOf, requiredParam } from '../http/params';
import { addComment } from '../operations/card-operations';
import { cardIdOf } from '../serialize/card-json';
import { pageOfActions } from './action-filter';

/** A card's actions and comments (docs/trello-reference.md §3.3, §3.4). */
export function cardActionsRoutes(ctx: SimContext): Router {
  const router = Router();
  const { state } = ctx;

  // Answers with the commentCard action itself, `display` included (docs/trello-reference.md §3.3).
  router.post('/cards/:id/actions/comments', (req, res) => {
    const card = cardFromPath(ctx, req, res);
    const text = requiredParam(paramsOf(req), 'text');
    res.json(addComment(state, actorOf(res), card, text));
  });

  router.get('/cards/:id/actions', (req, res) => {
    const card = cardFromPath(ctx, req, res);
    const actions = state.actions.filter((a) => cardIdOf(a.data) === card.id);
    res.json(pageOfActions(actions, paramsOf(req), 'commentCard,updateCard:idList'));
  });

  return router;
}
