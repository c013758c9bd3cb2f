import { cardIdOf } from './serialize/card-json';
import { webhookJson } from './serialize/webhook-json';
import type { SimState } from './state/sim-state';
import type { SimCard, TrelloAction, WebhookInfo } from './types';

/** Read-only views for tests; every result is a deep copy. */

export function inspectCard(state: SimState, cardId: string): SimCard {
  const card = state.cardByIdOrShortLink(cardId);
  if (!card) throw new Error(`[simulator] card(): no card ${cardId}`);
  return structuredClone({
    ...card,
    listName: state.listOf(card).name,
    checklists: state.checklistsOf(card.id).map((c) => ({
      id: c.id,
      name: c.name,
      pos: c.pos,
      checkItems: c.checkItems.map((i) => ({ id: i.id, name: i.name, state: i.state, pos: i.pos })),
    })),
    pluginData: state.pluginDataOf(card.id),
  });
}

export function inspectComments(state: SimState, cardId: string): { text: string; memberCreator: string; date: string }[] {
  return state.actions
    .filter((a) => a.type === 'commentCard' && cardIdOf(a.data) === cardId)
    .map((a) => ({ text: String(a.data['text']), memberCreator: a.memberCreator.username, date: a.date }));
}

/** Oldest first; `type` is an exact action type. */
export function inspectActions(state: SimState, filter: { type?: string; cardId?: string } = {}): TrelloAction[] {
  return structuredClone(
    state.actions.filter(
      (a) => (filter.type === undefined || a.type === filter.type) && (filter.cardId === undefined || cardIdOf(a.data) === filter.cardId),
    ),
  );
}

export function inspectWebhooks(state: SimState): WebhookInfo[] {
  return [...state.webhooks.values()].map(webhookJson);
}
