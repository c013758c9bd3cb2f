import type { WatchedBoards } from '../store/watched-boards';
import type { TrelloClient } from '../trello/create-trello-client';
import type { TrelloWebhook } from '../trello/schema';

/** What the board's webhook needs: nothing, to be registered, or (Trello disabled it) to be turned back on. */
export type WebhookStep =
  | { action: 'keep'; id: string; consecutiveFailures: number }
  | { action: 'create' }
  | { action: 'enable'; id: string; consecutiveFailures: number };

/** Decides from the token's webhooks (GET /1/tokens/{token}/webhooks) what the board's one needs. */
export function webhookStep(webhooks: TrelloWebhook[], input: { boardId: string; callbackURL: string }): WebhookStep {
  const existing = webhooks.find((w) => w.idModel === input.boardId && w.callbackURL === input.callbackURL);
  if (!existing) return { action: 'create' };
  const consecutiveFailures = existing.consecutiveFailures ?? 0;
  return { action: existing.active ? 'keep' : 'enable', id: existing.id, consecutiveFailures };
}

/**
 * Registers the board webhook once: an existing one with the same callback and model is kept
 * (Trello refuses duplicates with 400), so running set-up twice is harmless; one Trello disabled
 * is turned back on. The board is remembered as watched, so the health check can register the
 * webhook again if Trello drops it.
 */
export async function ensureWebhook(
  deps: { trello: Pick<TrelloClient, 'listWebhooks' | 'createWebhook' | 'enableWebhook'>; watched: Pick<WatchedBoards, 'add'> },
  input: { boardId: string; callbackURL: string },
): Promise<{ id: string; created: boolean; enabled: boolean }> {
  const step = webhookStep(await deps.trello.listWebhooks(), input);
  // Watched only once the webhook exists: a sweep running meanwhile must not register a second one.
  if (step.action !== 'create') {
    if (step.action === 'enable') await deps.trello.enableWebhook(step.id);
    await deps.watched.add(input.boardId);
    return { id: step.id, created: false, enabled: step.action === 'enable' };
  }
  const created = await deps.trello.createWebhook({
    callbackURL: input.callbackURL,
    idModel: input.boardId,
    description: 'Gatekeeper: enforce the board process',
  });
  await deps.watched.add(input.boardId);
  return { id: created.id, created: true, enabled: false };
}
