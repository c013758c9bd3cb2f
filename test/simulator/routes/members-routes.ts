import { Router } from 'express';
import type { SimContext } from '../context';
import { notFound } from '../errors';
import { actorOf } from '../http/authenticate';
import { paramsOf } from '../http/params';
import { memberJson } from '../serialize/member-json';
import { parseFields } from '../serialize/pick-fields';

/** `GET /1/members/{me|id|username}`: all known fields by default, `fields=` to narrow. */
export function membersRoutes(ctx: SimContext): Router {
  const router = Router();
  const { state } = ctx;

  router.get('/members/:idMember', (req, res) => {
    const wanted = req.params['idMember'] ?? '';
    const member = wanted === 'me' ? actorOf(res).member : state.memberByIdOrUsername(wanted);
    if (!member) throw notFound();
    res.json(memberJson(state, member, parseFields(paramsOf(req).get('fields'), 'all')));
  });

  return router;
}
