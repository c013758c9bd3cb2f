import type { Language } from '../../../rules';
import type { TrelloClient } from '../../trello/create-trello-client';
import { TrelloUnrecoverableError } from '../../trello/errors';
import type { Channel } from '../delivery';
import { PermanentDeliveryError } from '../delivery-errors';
import { isCardNotice } from '../notice';
import { commentText } from '../templates/render-message';

/**
 * A comment on the card, mentioning everyone routed here: Trello's own notification then reaches
 * each of them (bell, phone, e-mail). One comment per notice, not one per person — the card is
 * its recipient, and a comment per person would bury the card's history.
 */
export function createTrelloCommentChannel(deps: {
  trello: Pick<TrelloClient, 'addComment' | 'getCardComments'>;
  language: Language;
}): Channel {
  return {
    name: 'trello-comment',
    async deliver({ notice, usernames }, attempt) {
      // Routing never sends a board's notice here; a job queued by hand could, and would never pass.
      if (!isCardNotice(notice)) throw new PermanentDeliveryError(`[trello-comment] a ${notice.kind} notice concerns no card to comment on`);
      const text = commentText(notice, deps.language, usernames);
      try {
        // A re-run reads the card's newest comments first: one read closes the window in which a
        // worker killed right after Trello took the comment would post it twice.
        // A revert's explanation goes ahead of other comments in the shared Trello budget.
        const priority = notice.kind === 'move-reverted' ? 'urgent' : 'normal';
        if (attempt?.rerun && (await deps.trello.getCardComments(notice.cardId, priority)).some((c) => c.data.text === text)) return;
        await deps.trello.addComment(notice.cardId, text, priority);
      } catch (err) {
        // The Trello client has already retried what can be retried (429, 5xx) within its budget.
        throw err instanceof TrelloUnrecoverableError ? new PermanentDeliveryError(err.message) : err;
      }
    },
  };
}
