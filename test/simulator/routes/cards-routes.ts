import { Router } from 'express';
import type { SimContext } from '../context';
import { invalidValue } from '../errors';
import { actorOf } from '../http/authenticate';
import { cardFromPath, listFromParam } from '../http/lookups';
import { boolParam, paramsOf, posParam } from '../http/params';
import { addMemberToCard, createCard, deleteCard, updateCard } from '../operations/card-operations';
import { cardJson, parseCardOptions } from '../serialize/card-json';
import { memberJson } from '../serialize/member-json';

/** Cards (docs/trello-reference.md §3.1, §3.2). Writes answer with the full card, as Trello does. */
export function cardsRoutes(ctx: SimContext): Router {
  const router = Router();
  const { state } = ctx;

  router.get('/cards/:id', (req, res) => {
    const card = cardFromPath(ctx, req, res);
    res.json(cardJson(state, card, parseCardOptions(paramsOf(req).get)));
  });

  router.get('/cards/:id/pluginData', (req, res) => {
    const card = cardFromPath(ctx, req, res);
    res.json(state.pluginDataOf(card.id).filter((p) => p.access === 'shared'));
  });

  router.post('/cards', (req, res) => {
    const params = paramsOf(req);
    const list = listFromParam(ctx, res, params, 'idList');
    if (!list) throw invalidValue('idList');
    const card = createCard(state, actorOf(res), {
      list,
      name: textParam(params.get('name'), 'name') ?? '',
      desc: textParam(params.get('desc'), 'desc'),
      pos: posParam(params),
    });
    res.json(cardJson(state, card, parseCardOptions(() => undefined, 'all')));
  });

  router.put('/cards/:id', (req, res) => {
    const card = cardFromPath(ctx, req, res);
    const params = paramsOf(req);
    // Moving to another board (`idBoard`) is a different action pair (docs/trello-reference.md §2.1) and is not simulated.
    if (params.get('idBoard') !== undefined && params.get('idBoard') !== card.idBoard) throw invalidValue('idBoard');
    updateCard(state, actorOf(res), card, {
      list: listFromParam(ctx, res, params, 'idList'),
      pos: posParam(params),
      closed: boolParam(params, 'closed'),
      name: textParam(params.get('name'), 'name'),
      desc: textParam(params.get('desc'), 'desc'),
    });
    res.json(cardJson(state, card, parseCardOptions(() => undefined, 'all')));
  });

  // Trello answers a delete with `{"limits":{}}` (docs/trello-reference.md §2.10).
  router.delete('/cards/:id', (req, res) => {
    deleteCard(state, actorOf(res), cardFromPath(ctx, req, res));
    res.json({ limits: {} });
  });

  // Answers with the card's members after the addition: id and the default member fields (docs/trello-reference.md §3.1).
  router.post('/cards/:id/idMembers', (req, res) => {
    const card = cardFromPath(ctx, req, res);
    const memberId = paramsOf(req).get('value');
    addMemberToCard(state, actorOf(res), card, memberId === undefined ? undefined : state.members.get(memberId));
    res.json(card.idMembers.flatMap((id) => {
      const member = state.members.get(id);
      return member ? [memberJson(state, member, ['id', 'avatarHash', 'fullName', 'initials', 'username'])] : [];
    }));
  });

  return router;
}

/** Card names and descriptions are at most 16384 characters in Trello's swagger. */
function textParam(value: string | undefined, name: string): string | undefined {
  if (value !== undefined && value.length > 16384) throw invalidValue(name);
  return value;
}
