import type { CardEvent } from '../queue/card-event';

/** The part of a notice every card event shares: which card, its link, and who moved it. */
export function aboutCardEvent(event: CardEvent, card: { name: string; shortUrl?: string }) {
  return {
    actionId: event.actionId,
    boardId: event.boardId,
    cardId: event.cardId,
    cardName: card.name,
    cardUrl: card.shortUrl,
    mover: { username: event.mover.username, fullName: event.mover.fullName },
  };
}
