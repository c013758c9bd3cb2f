import type { Channel } from './notice';
import type { Language } from '../../rules';
import { addressees } from './notice';
import { commentText } from './templates/render-message';

/** Trello's own notifications carry a mention to the member's phone and e-mail. */
export function createTrelloCommentChannel(deps: {
  trello: { addComment(cardId: string, text: string): Promise<unknown> };
  language: Language;
}): Channel {
  return {
    name: 'trello-comment',
    async deliver(notice) {
      await deps.trello.addComment(notice.cardId, commentText(notice, deps.language, addressees(notice)));
    },
  };
}
