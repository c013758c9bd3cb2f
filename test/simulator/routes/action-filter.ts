import type { Params } from '../http/params';
import type { TrelloAction } from '../types';

/**
 * Trello's action `filter`: a CSV of types, `all`, or `type:field`, which keeps only
 * actions of that type whose `data.old` has the field — so `updateCard:idList` means
 * moves between lists (docs/trello-reference.md §3.4).
 */
export function matchesFilter(action: TrelloAction, filter: string): boolean {
  return filter.split(',').some((entry) => {
    const [type, field] = entry.trim().split(':');
    if (type === 'all') return true;
    if (action.type !== type) return false;
    if (field === undefined) return true;
    const old = action.data['old'];
    return typeof old === 'object' && old !== null && field in old;
  });
}

/**
 * Newest first, `limit` (default 50, max 1000) and `page`, like Trello. Actions read
 * through REST carry no `display` unless `display=true` (Trello's default for reads).
 */
export function pageOfActions(actions: TrelloAction[], params: Params, defaultFilter: string): Record<string, unknown>[] {
  const filter = params.get('filter') ?? defaultFilter;
  const limit = Math.min(Math.max(Number(params.get('limit') ?? 50) || 50, 1), 1000);
  const page = Math.max(Number(params.get('page') ?? 0) || 0, 0);
  const withDisplay = params.get('display') === 'true';
  return actions
    .filter((action) => matchesFilter(action, filter))
    .reverse()
    .slice(page * limit, (page + 1) * limit)
    .map((action) => {
      const copy: Record<string, unknown> = structuredClone(action);
      if (!withDisplay) delete copy['display'];
      return copy;
    });
}
