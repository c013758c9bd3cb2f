import { createTrelloCommentChannel } from '../../../../server/notify/channels/trello-comment-channel';
import { PermanentDeliveryError } from '../../../../server/notify/delivery-errors';
import { moveReverted, stageEntered, webhookRestored } from '../notices';
import { recordingTrello } from './recording-trello';

describe('the card comment channel', () => {
  const { trello, written } = recordingTrello();
  const channel = createTrelloCommentChannel({ trello, language: 'ru' });
  beforeEach(() => {
    written.length = 0;
  });

  it('comments on the card, mentioning the people the delivery is for', async () => {
    await channel.deliver({ channel: 'trello-comment', address: 'card', usernames: ['manager'], notice: moveReverted });
    expect(written).toEqual([{ cardId: moveReverted.cardId, text: expect.stringMatching(/^@manager, карточку нельзя было переместить/), priority: 'urgent' }]);
  });

  it('posts other notices behind reverts in the shared Trello budget', async () => {
    await channel.deliver({ channel: 'trello-comment', address: 'card', usernames: ['engineer'], notice: stageEntered });
    expect(written.map((w) => w.priority)).toEqual(['normal']);
  });

  it('does not post again on a re-run when Trello already has the comment (a worker killed right after posting)', async () => {
    const delivery = { channel: 'trello-comment' as const, address: 'card', usernames: ['manager'], notice: moveReverted };
    await channel.deliver(delivery);
    await channel.deliver(delivery, { rerun: true });
    expect(written).toHaveLength(1);
  });

  it('posts on a re-run when the earlier run never reached Trello', async () => {
    await channel.deliver({ channel: 'trello-comment', address: 'card', usernames: ['manager'], notice: moveReverted }, { rerun: true });
    expect(written).toHaveLength(1);
  });

  it('gives up at once on a notice about the board, which has no card to comment on', async () => {
    const delivery = { channel: 'trello-comment' as const, address: 'card', usernames: ['director'], notice: webhookRestored };
    await expect(channel.deliver(delivery)).rejects.toBeInstanceOf(PermanentDeliveryError);
    expect(written).toEqual([]);
  });
});
