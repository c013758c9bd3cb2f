import type { Logger } from 'pino';
import type { Notifier } from '../notify/notice';
import type { WatchedBoards } from '../store/watched-boards';
import type { TrelloClient } from '../trello/create-trello-client';
import type { TrelloWebhook } from '../trello/schema';

export type WebhookHealth = {
  boardId: string;
  status: 'ok' | 'failing' | 're-registered' | 're-enabled' | 'repair-failed';
  consecutiveFailures?: number;
  detail?: string;
};

export type WebhookCheckDeps = {
  trello: Pick<TrelloClient, 'listWebhooks' | 'createWebhook' | 'enableWebhook'>;
  watched: WatchedBoards;
  /** PUBLIC_URL + /webhooks/trello, byte for byte as registered. */
  callbackUrl: string;
  notifier: Notifier;
  /** Usernames told when a webhook had to be restored (the rules' admins). */
  admins: string[];
  log: Logger;
};

/**
 * Every watched board must have an active webhook to this service: one Trello deleted (410s, a
 * board admin, a token reset) is registered again and one it disabled (a month of failures) is
 * turned back on, and the admins are told, since moves made meanwhile reached nobody (the sweep
 * that follows judges them). A webhook that is failing but still active is a warning.
 */
export async function checkWebhooks(deps: WebhookCheckDeps): Promise<WebhookHealth[]> {
  const hooks = (await deps.trello.listWebhooks()).filter((hook) => hook.callbackURL === deps.callbackUrl);
  // Deployments from before the watched-board record: their webhooks name their boards.
  for (const hook of hooks) await deps.watched.add(hook.idModel);
  const boards = await deps.watched.all();
  return Promise.all(boards.map((boardId) => checkBoard(boardId, hooks.find((h) => h.idModel === boardId), deps)));
}

async function checkBoard(boardId: string, hook: TrelloWebhook | undefined, deps: WebhookCheckDeps): Promise<WebhookHealth> {
  const consecutiveFailures = hook?.consecutiveFailures ?? 0;
  if (hook?.active && consecutiveFailures === 0) return { boardId, status: 'ok' };
  if (hook?.active) {
    deps.log.warn({ boardId, consecutiveFailures, since: hook.firstConsecutiveFailDate }, 'the board webhook is failing: Trello cannot deliver to PUBLIC_URL');
    return { boardId, status: 'failing', consecutiveFailures };
  }
  const change = hook ? 're-enabled' : 're-registered';
  try {
    if (hook) await deps.trello.enableWebhook(hook.id);
    else await deps.trello.createWebhook({ callbackURL: deps.callbackUrl, idModel: boardId, description: 'Gatekeeper: enforce the board process' });
  } catch (err) {
    deps.log.error({ err, boardId, callbackUrl: deps.callbackUrl }, `the board webhook is ${hook ? 'disabled' : 'missing'} and could not be restored; moves on the board are not being checked`);
    return { boardId, status: 'repair-failed', consecutiveFailures, detail: (err as Error).message };
  }
  deps.log.warn({ boardId, change, consecutiveFailures }, 'the board webhook was restored');
  await deps.notifier.send({
    kind: 'webhook-restored',
    actionId: `webhook-${change}-${boardId}-${Date.now()}`,
    boardId,
    change,
    ...(hook ? { consecutiveFailures } : {}),
    recipients: deps.admins,
  });
  return { boardId, status: change, consecutiveFailures };
}
