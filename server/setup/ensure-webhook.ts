import type { WatchedBoards } from '../store/watched-boards';
import type { TrelloClient } from '../trello/create-trello-client';

/**
 * Registers the board webhook once: an existing one with the same callback and model is kept
 * (Trello refuses duplicates with 400), so running set-up twice is harmless. The board is
 * remembered as watched, so the health check can register the webhook again if Trello drops it.
 */
export async function ensureWebhook(
  deps: { trello: Pick<TrelloClient, 'listWebhooks' | 'createWebhook'>; watched: Pick<WatchedBoards, 'add'> },
  input: { boardId: string; callbackURL: string },
): Promise<{ id: string; created: boolean }> {
  const existing = (await deps.trello.listWebhooks()).find(
    (w) => w.idModel === input.boardId && w.callbackURL === input.callbackURL,
  );
  // Watched only once the webhook exists: a sweep running meanwhile must not register a second one.
  if (existing) {
    await deps.watched.add(input.boardId);
    return { id: existing.id, created: false };
  }
  const created = await deps.trello.createWebhook({
    callbackURL: input.callbackURL,
    idModel: input.boardId,
    description: 'Gatekeeper: enforce the board process',
  });
  await deps.watched.add(input.boardId);
  return { id: created.id, created: true };
}
