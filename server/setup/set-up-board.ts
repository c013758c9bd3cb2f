import type { ProcessConfig } from '../../rules';
import type { WatchedBoards } from '../store/watched-boards';
import type { TrelloClient } from '../trello/create-trello-client';
import { ensureWebhook } from './ensure-webhook';
import { planBoardSetup, type BoardFacts, type BoardSetupPlan, type SetupTarget } from './plan-board-setup';

export type BoardSetupDeps = {
  trello: Pick<
    TrelloClient,
    'getBoardListPlaces' | 'getBoardMembers' | 'listWebhooks' | 'getBoardCards' | 'createList' | 'createWebhook' | 'enableWebhook'
  >;
  watched: Pick<WatchedBoards, 'add'>;
};

/** What applying a plan did, as Trello answered. */
export type AppliedSetup = {
  lists: { id: string; name: string; pos: number }[];
  webhook: { id: string; created: boolean; enabled: boolean } | null;
};

/** Four reads: the lists (archived too), the members, the token's webhooks, the open cards with their pluginData. */
export async function readBoardFacts(trello: BoardSetupDeps['trello'], boardId: string): Promise<BoardFacts> {
  const [lists, members, webhooks, cards] = await Promise.all([
    trello.getBoardListPlaces(boardId),
    trello.getBoardMembers(boardId),
    trello.listWebhooks(),
    trello.getBoardCards(boardId, { pluginData: true }),
  ]);
  return { boardId, lists, members, webhooks, cards };
}

/**
 * Makes the plan's changes: the lists one by one in process order (each at its planned position),
 * then the webhook through ensureWebhook, which looks at Trello's webhooks again first. Apply a
 * plan just made: one shown to a person a while ago should be planned again before it is applied,
 * or a list someone created meanwhile would be created twice.
 */
export async function applyBoardSetup(deps: BoardSetupDeps, plan: BoardSetupPlan, target: SetupTarget): Promise<AppliedSetup> {
  const lists: AppliedSetup['lists'] = [];
  for (const list of plan.createLists) {
    const created = await deps.trello.createList(plan.boardId, list.name, list.pos);
    lists.push({ id: created.id, name: created.name, pos: created.pos });
  }
  const webhook = plan.webhook.action === 'keep'
    ? null
    : await ensureWebhook(deps, { boardId: plan.boardId, callbackURL: target.callbackURL });
  return { lists, webhook };
}

/** Reads the board, plans, and with `apply` makes the changes: what `npm run setup` and an admin API call. */
export async function setUpBoard(
  deps: BoardSetupDeps,
  input: { boardId: string; rules: ProcessConfig; target: SetupTarget; apply: boolean },
): Promise<{ plan: BoardSetupPlan; applied: AppliedSetup | null }> {
  const plan = planBoardSetup(input.rules, await readBoardFacts(deps.trello, input.boardId), input.target);
  const applied = input.apply ? await applyBoardSetup(deps, plan, input.target) : null;
  return { plan, applied };
}
