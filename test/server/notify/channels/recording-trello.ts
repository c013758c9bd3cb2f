import type { TrelloClient } from '../../../../server/trello/create-trello-client';

/** The two Trello calls of the card comment channel, kept in memory: what was posted, in which lane. */
export function recordingTrello() {
  const written: { cardId: string; text: string; priority: string | undefined }[] = [];
  const trello: Pick<TrelloClient, 'addComment' | 'getCardComments'> = {
    async addComment(cardId, text, priority) {
      written.push({ cardId, text, priority });
      return { id: String(written.length) };
    },
    async getCardComments(cardId) {
      return written.filter((w) => w.cardId === cardId).reverse().map((w, n) => ({ id: String(n), date: '', data: { text: w.text } }));
    },
  };
  return { trello, written };
}
