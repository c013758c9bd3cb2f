import type { Channel } from './notice';
import type { Language } from '../../rules';
import { commentText } from './messages';

/** Trello's own notifications carry a mention to the member's phone and e-mail. */
export function createTrelloCommentChannel(deps: {
  trello: { addComment(cardId: string, text: string): Promise<unknown> };
  language: Language;
}): Channel {
  return {
    name: 'trello-comment',
    async deliver(notice) {
      await deps.trello.addComment(notice.cardId, commentText(notice, deps.language));
    },
  };
}
