import { Router } from 'express';
import type { SimContext } from '../context';
import { invalidValue } from '../errors';
import { boardFromPath } from '../http/lookups';
import { paramsOf } from '../http/params';
import { boardJson, listJson } from '../serialize/board-json';
import { cardJson, parseCardOptions } from '../serialize/card-json';
import { BOARD_MEMBER_DEFAULT_FIELDS, memberJson } from '../serialize/member-json';
import { parseFields, pickFields } from '../serialize/pick-fields';
import { pageOfActions } from './action-filter';

/** Board reads (docs/trello-reference.md §3.4). */
export function boardsRoutes(ctx: SimContext): Router {
  const router = Router();
  const { state } = ctx;

  router.get('/boards/:id', (req, res) => {
    const board = boardFromPath(ctx, req, res);
    res.json(pickFields(boardJson(board), parseFields(paramsOf(req).get('fields'), 'all')));
  });

  router.get('/boards/:id/lists', (req, res) => {
    const board = boardFromPath(ctx, req, res);
    const params = paramsOf(req);
    const filter = params.get('filter') ?? 'open';
    const fields = parseFields(params.get('fields'), 'all');
    if (!['all', 'open', 'closed', 'none'].includes(filter)) throw invalidValue('filter');
    const lists = state
      .listsOf(board.id)
      .filter((l) => filter === 'all' || (filter === 'open' && !l.closed) || (filter === 'closed' && l.closed));
    res.json(lists.map((list) => pickFields(listJson(list), fields)));
  });

  router.get('/boards/:id/members', (req, res) => {
    const board = boardFromPath(ctx, req, res);
    const fields = parseFields(paramsOf(req).get('fields'), BOARD_MEMBER_DEFAULT_FIELDS);
    const members = board.memberIds.flatMap((id) => {
      const member = state.members.get(id);
      return member ? [memberJson(state, member, fields)] : [];
    });
    res.json(members);
  });

  // Each membership: who, and whether they administer the board; `filter=admins` the admins only.
  router.get('/boards/:id/memberships', (req, res) => {
    const board = boardFromPath(ctx, req, res);
    const filter = paramsOf(req).get('filter') ?? 'all';
    if (!['all', 'admins', 'normal', 'none'].includes(filter)) throw invalidValue('filter');
    const memberships = board.memberIds.map((idMember) => ({
      id: `${board.id.slice(0, 12)}${idMember.slice(12)}`,
      idMember,
      memberType: board.adminIds?.includes(idMember) ? 'admin' : 'normal',
      unconfirmed: false,
      deactivated: false,
    }));
    const wanted = { all: ['admin', 'normal'], admins: ['admin'], normal: ['normal'], none: [] }[filter as 'all'];
    res.json(memberships.filter((m) => wanted.includes(m.memberType)));
  });

  // Open cards only, ordered by list then position, as the board shows them.
  router.get('/boards/:id/cards', (req, res) => {
    const board = boardFromPath(ctx, req, res);
    const options = parseCardOptions(paramsOf(req).get);
    const cards = state.listsOf(board.id).flatMap((list) => state.cardsInList(list.id));
    res.json(cards.map((card) => cardJson(state, card, options)));
  });

  router.get('/boards/:id/actions', (req, res) => {
    const board = boardFromPath(ctx, req, res);
    const actions = state.actions.filter((a) => (a.data['board'] as { id?: string } | undefined)?.id === board.id);
    res.json(pageOfActions(actions, paramsOf(req), 'all'));
  });

  return router;
}
