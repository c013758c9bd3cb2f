import type { Response } from 'express';
import type { SimContext } from '../context';
import { invalidValue, SimError } from '../errors';
import { actorOf } from '../http/authenticate';
import { idParam, type Params } from '../http/params';
import type { WebhookRecord } from '../state/records';

export function callbackUrlParam(params: Params): string | undefined {
  const url = params.get('callbackURL');
  if (url === undefined) return undefined;
  if (!/^https?:\/\/[^\s]+$/.test(url) || !URL.canParse(url)) throw invalidValue('callbackURL');
  return url;
}

/** `idModel` must name something the token can read: a board, list or card on one of its boards, or a member (docs/trello-reference.md §1.1). */
export function modelParam(ctx: SimContext, res: Response, params: Params): string | undefined {
  const id = idParam(params, 'idModel');
  if (id === undefined) return undefined;
  const { state } = ctx;
  if (state.members.has(id)) return id;
  const model = state.boards.get(id) ?? state.lists.get(id) ?? state.cards.get(id);
  const board = model === undefined ? undefined : 'idBoard' in model ? state.boards.get(model.idBoard) : state.boards.get(model.id);
  if (!board || !board.memberIds.includes(actorOf(res).member.id)) throw invalidValue('idModel');
  return id;
}

export function assertUnique(ctx: SimContext, candidate: Pick<WebhookRecord, 'callbackURL' | 'idModel' | 'token' | 'id'>): void {
  const clash = [...ctx.state.webhooks.values()].some(
    (w) => w.id !== candidate.id && w.callbackURL === candidate.callbackURL && w.idModel === candidate.idModel && w.token === candidate.token,
  );
  // Wording observed in 18F/trello-webhook-server PR #8 (docs/trello-reference.md §1.1).
  if (clash) throw new SimError(400, 'A webhook with that callback, model, and token already exists');
}

/** docs/trello-reference.md §1.2: Trello HEADs the callback and creates nothing unless it answers 200. */
export async function assertCallbackAnswers(ctx: SimContext, url: string): Promise<void> {
  let got: string;
  try {
    const status = await ctx.headCheck(url);
    if (status === 200) return;
    got = String(status);
  } catch (error) {
    // Trello's wording for unreachable hosts is unknown; the simulator reuses the status message.
    got = error instanceof Error ? error.message : String(error);
  }
  throw new SimError(400, `URL (${url}) did not return 200 status code, got ${got}`);
}
