import type { TrelloClient } from '../trello/create-trello-client';

/**
 * Registers the board webhook once: an existing one with the same callback and model is kept
 * (Trello refuses duplicates with 400), so running set-up twice is harmless.
 */
export async function ensureWebhook(
  trello: Pick<TrelloClient, 'listWebhooks' | 'createWebhook'>,
  input: { boardId: string; callbackURL: string },
): Promise<{ id: string; created: boolean }> {
  const existing = (await trello.listWebhooks()).find(
    (w) => w.idModel === input.boardId && w.callbackURL === input.callbackURL,
  );
  if (existing) return { id: existing.id, created: false };
  const created = await trello.createWebhook({
    callbackURL: input.callbackURL,
    idModel: input.boardId,
    description: 'Gatekeeper: enforce the board process',
  });
  return { id: created.id, created: true };
}
