import { sameName } from '../../rules';
import type { CardEvent } from '../queue/card-event';
import { PermanentError } from '../queue/permanent-error';
import type { StageVisit } from '../store/stage-history';
import type { ListRef } from '../trello/schema';
import type { JudgeDeps } from './judge-deps';

/**
 * Where a refused card goes back to: the last stage it was accepted in. `listBefore` is only a
 * fallback, because after two quick refused moves it may itself be a list the card was refused from.
 * A card created straight into a gated list goes to the first stage of the process, found by name
 * as the rules match names (case, spaces and ё aside), so «Новая Заявка» is that stage too.
 */
export async function revertTarget(
  event: CardEvent,
  visit: StageVisit | null,
  deps: Pick<JudgeDeps, 'config' | 'trello'>,
): Promise<ListRef> {
  if (visit && visit.listId !== event.toList.id) return { id: visit.listId, name: visit.stage };
  if (event.fromList) return event.fromList;
  const first = deps.config.stages[0]!.list;
  const lists = await deps.trello.getBoardLists(event.boardId);
  const list = lists.find((l) => sameName(l.name, first) && !l.closed);
  if (!list) {
    // The board lacks its first stage: a retry finds it just as missing until someone adds the list.
    throw new PermanentError('first_stage_list_missing', `[worker] board ${event.boardId} has no open list named "${first}" to return card ${event.cardId} to`);
  }
  return { id: list.id, name: list.name };
}
