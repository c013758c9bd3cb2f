import { inspect } from 'node:util';
import type { TrelloClient } from '../../../server/trello/create-trello-client';
import { TrelloRequestError } from '../../../server/trello/errors';
import { rateLimitKeys } from '../../../server/trello/rate-limiter';
import { CARD_ID } from './realistic-card';
import type { ScriptedTrello } from './scripted-trello';
import { captureLog, KEY, TOKEN, useScriptedTrello } from './trello-test-kit';

const kit = useScriptedTrello('secrets');
const cardPath = `/1/cards/${CARD_ID}`;
type Case = [string, (trello: ScriptedTrello) => void, (client: TrelloClient) => Promise<unknown>];

const cases: Case[] = [
  ['a 401 whose body echoes the token', (t) => t.script('GET', cardPath, { status: 401, body: `invalid token ${TOKEN} for key ${KEY}` }), (c) => c.getCard(CARD_ID)],
  ['a 401 on the webhook list, whose path holds the token', (t) => t.script('GET', `/1/tokens/${TOKEN}/webhooks`, { status: 401, body: 'unauthorized' }), (c) => c.listWebhooks()],
  ['persistent 503s', (t) => t.always('PUT', cardPath, { status: 503, body: 'down' }), (c) => c.moveCard(CARD_ID, 'list')],
  ['a connection reset', (t) => t.always('POST', `${cardPath}/actions/comments`, { reset: true }), (c) => c.addComment(CARD_ID, 'hi')],
  ['a timeout', (t) => t.always('GET', cardPath, { hang: true }), (c) => c.getCard(CARD_ID)],
  ['a malformed response', (t) => t.script('GET', cardPath, { status: 200, body: { id: CARD_ID, token: TOKEN } }), (c) => c.getCard(CARD_ID)],
];

describe('when a request fails', () => {
  it.each(cases)('keeps the key and token out of the error and the logs on %s', async (_name, arrange, act) => {
    arrange(kit.trello);
    const capture = captureLog();
    const client = kit.client({ log: capture.log, timeoutMs: 100 });

    const err = await act(client).then(() => undefined, (e: unknown) => e);

    expect(err).toBeInstanceOf(TrelloRequestError);
    const views = [
      (err as Error).message,
      (err as Error).stack ?? '',
      JSON.stringify(err),
      inspect(err, { depth: Infinity, showHidden: true }),
      capture.text(),
    ];
    for (const view of views) {
      expect(view).not.toContain(TOKEN);
      expect(view).not.toContain(KEY);
    }
    expect(capture.lines().length).toBeGreaterThan(0);
  });

  it('masks the token in the webhook-list path it reports', async () => {
    kit.trello.script('GET', `/1/tokens/${TOKEN}/webhooks`, { status: 401, body: 'unauthorized' });

    const err = await kit.client().listWebhooks().catch((e: unknown) => e);

    expect(err).toMatchObject({ path: '/1/tokens/***/webhooks' });
  });
});

describe('the limiter keys in Redis', () => {
  it('carry fingerprints of the key and token, not the secrets themselves', () => {
    const names = Object.values(rateLimitKeys('gatekeeper', KEY, TOKEN));

    for (const name of names) {
      expect(name).toMatch(/^gatekeeper:ratelimit:\{[0-9a-f]{16}\}:/);
      expect(name).not.toContain(TOKEN);
      expect(name).not.toContain(KEY);
    }
  });
});
