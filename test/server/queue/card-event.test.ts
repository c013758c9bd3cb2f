import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebhookBody } from '../../../server/trello/webhook-body';
import { toCardEvent } from '../../../server/queue/card-event';

const body = (name: string) => WebhookBody.parse(JSON.parse(readFileSync(join(__dirname, '../../fixtures/trello', name), 'utf8')));

describe('toCardEvent', () => {
  it('turns a real move between lists into a move event', () => {
    const { action, model } = body('updateCard-move-between-lists-2024.json');
    expect(toCardEvent(action, model.id)).toEqual({
      actionId: '65a7d90edf6648c60e5add42',
      kind: 'move',
      date: '2024-01-17T13:41:34.244Z',
      boardId: '64a71f6e0d329c0520180a2b',
      cardId: '65a7ca83c7532e93d9e8d1ec',
      cardName: expect.any(String),
      fromList: { id: '64bab42b6601e484fcdd54ca', name: 'Chamados' },
      toList: { id: '64be843f7d08746f0889d06c', name: 'Chamados Realizados' },
      mover: { id: '64ad507fe4d2e4b47b14e724', username: 'arthurbgfconsultoria', fullName: 'Arthur' },
    });
  });

  it('turns a real card creation into a create event in its list', () => {
    const { action, model } = body('createCard-2020.json');
    expect(toCardEvent(action, model.id)).toMatchObject({ kind: 'create', fromList: null, toList: { name: 'todos' } });
  });

  it('ignores actions that cannot put a card into a list', () => {
    for (const fixture of ['commentCard-raw-body-2021.json', 'updateCheckItemStateOnCard-2019.json']) {
      const { action, model } = body(fixture);
      expect(toCardEvent(action, model.id)).toBeNull();
    }
  });
});
