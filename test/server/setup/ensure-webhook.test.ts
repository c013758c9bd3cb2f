import { ensureWebhook } from '../../../server/setup/ensure-webhook';
import type { TrelloWebhook } from '../../../server/trello/schema';

const BOARD = 'b0000000000000000000000b';
const CALLBACK = 'https://gatekeeper.example/webhooks/trello';
const hook = (over: Partial<TrelloWebhook> = {}): TrelloWebhook => ({
  id: 'hook1', description: '', idModel: BOARD, callbackURL: CALLBACK, active: true, consecutiveFailures: 0, ...over,
});

function fakes(webhooks: TrelloWebhook[]) {
  const calls: string[] = [];
  const watched: string[] = [];
  const trello = {
    listWebhooks: async () => webhooks,
    createWebhook: async (input: { idModel: string }) => {
      calls.push(`create ${input.idModel}`);
      return hook({ id: 'new' });
    },
    enableWebhook: async (id: string) => {
      calls.push(`enable ${id}`);
      return hook({ id });
    },
  };
  return { deps: { trello, watched: { add: async (id: string) => void watched.push(id) } }, calls, watched };
}

describe('ensureWebhook', () => {
  it('keeps an active webhook and registers a missing one, watching the board either way', async () => {
    const kept = fakes([hook()]);
    await expect(ensureWebhook(kept.deps, { boardId: BOARD, callbackURL: CALLBACK })).resolves.toEqual({ id: 'hook1', created: false, enabled: false });
    expect(kept.calls).toEqual([]);
    expect(kept.watched).toEqual([BOARD]);

    const missing = fakes([hook({ callbackURL: 'https://old.example/webhooks/trello' })]);
    await expect(ensureWebhook(missing.deps, { boardId: BOARD, callbackURL: CALLBACK })).resolves.toEqual({ id: 'new', created: true, enabled: false });
    expect(missing.calls).toEqual([`create ${BOARD}`]);
    expect(missing.watched).toEqual([BOARD]);
  });

  it('turns back on a webhook Trello disabled instead of registering a second one', async () => {
    const disabled = fakes([hook({ active: false, consecutiveFailures: 1000 })]);
    await expect(ensureWebhook(disabled.deps, { boardId: BOARD, callbackURL: CALLBACK })).resolves.toEqual({ id: 'hook1', created: false, enabled: true });
    expect(disabled.calls).toEqual(['enable hook1']);
    expect(disabled.watched).toEqual([BOARD]);
  });
});
