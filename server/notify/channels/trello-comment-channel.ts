import type { Language } from '../../../rules';
import { TrelloUnrecoverableError } from '../../trello/errors';
import type { Channel } from '../delivery';
import { PermanentDeliveryError } from '../delivery-errors';
import { commentText } from '../templates/render-message';

/**
 * A comment on the card, mentioning everyone routed here: Trello's own notification then reaches
 * each of them (bell, phone, e-mail). One comment per notice, not one per person — the card is
 * its recipient, and a comment per person would bury the card's history.
 */
export function createTrelloCommentChannel(deps: {
  trello: { addComment(cardId: string, text: string): Promise<unknown> };
  language: Language;
}): Channel {
  return {
    name: 'trello-comment',
    async deliver({ notice, usernames }) {
      try {
        await deps.trello.addComment(notice.cardId, commentText(notice, deps.language, usernames));
      } catch (err) {
        // The Trello client has already retried what can be retried (429, 5xx) within its budget.
        throw err instanceof TrelloUnrecoverableError ? new PermanentDeliveryError(err.message) : err;
      }
    },
  };
}
