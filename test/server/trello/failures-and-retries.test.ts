import { TrelloRetryableError, TrelloUnrecoverableError } from '../../../server/trello/errors';
import { CARD_ID, realisticCard } from './realistic-card';
import { captureLog, useScriptedTrello } from './trello-test-kit';

const kit = useScriptedTrello('failures');
const cardPath = `/1/cards/${CARD_ID}`;
const ok = { status: 200, body: realisticCard() };
const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected a failure'); }, (e: Error) => e);

describe('when Trello fails for a moment', () => {
  it('waits out a 429 and succeeds, logging the failed attempt at warn', async () => {
    const capture = captureLog();
    kit.trello.script('GET', cardPath, { status: 429, body: { error: 'API_TOKEN_LIMIT_EXCEEDED', message: 'Rate limit exceeded' } }, ok);

    const card = await kit.client({ log: capture.log }).getCard(CARD_ID);

    expect(card.id).toBe(CARD_ID);
    expect(kit.trello.requests).toHaveLength(2);
    expect(capture.lines()).toEqual([
      expect.objectContaining({ level: 40, method: 'GET', path: cardPath, status: 429, attempt: 1, willRetry: true }),
    ]);
  });

  it('retries 500, 500 and succeeds on the third try', async () => {
    kit.trello.script('GET', cardPath, { status: 500, body: 'Internal error' }, { status: 500, body: 'Internal error' }, ok);

    await expect(kit.client().getCard(CARD_ID)).resolves.toMatchObject({ id: CARD_ID });
    expect(kit.trello.requests).toHaveLength(3);
  });

  it('retries a connection reset mid-request and succeeds', async () => {
    kit.trello.script('GET', cardPath, { reset: true }, ok);

    await expect(kit.client().getCard(CARD_ID)).resolves.toMatchObject({ id: CARD_ID });
    expect(kit.trello.requests).toHaveLength(2);
  });
});

describe('when Trello keeps failing', () => {
  it('gives up after the configured attempts with a retryable error for the queue', async () => {
    kit.trello.always('GET', cardPath, { status: 503, body: 'Service Unavailable' });

    const err = await failure(kit.client().getCard(CARD_ID));

    expect(err).toBeInstanceOf(TrelloRetryableError);
    expect(err).toMatchObject({ name: 'TrelloRetryableError', code: 'trello_server_error', status: 503, attempts: 4 });
    expect(err.message).toMatch(/^\[trello\] GET \/1\/cards\/65cbec641a05d516bef5d34d answered 503 after 4 attempts: Service Unavailable\./);
    expect(kit.trello.requests).toHaveLength(4);
  });

  it('reports a refused connection as a retryable network error without a status', async () => {
    const { baseUrl } = kit.trello;
    await kit.trello.close(); // nothing listens on the port any more

    const err = await failure(kit.client({ baseUrl }).getCard(CARD_ID));

    expect(err).toBeInstanceOf(TrelloRetryableError);
    expect(err).toMatchObject({ code: 'trello_network_error', status: undefined, method: 'GET', path: cardPath });
    expect(err.message).toContain('ECONNREFUSED');
    await kit.restartTrello(); // for afterEach
  });

  it('reports a request that never gets an answer as a retryable timeout', async () => {
    kit.trello.always('GET', cardPath, { hang: true });

    const err = await failure(kit.client({ timeoutMs: 100, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 } }).getCard(CARD_ID));

    expect(err).toBeInstanceOf(TrelloRetryableError);
    expect(err).toMatchObject({ code: 'trello_timeout', status: undefined, attempts: 2 });
    expect(kit.trello.requests).toHaveLength(2);
  });
});

describe('when Trello refuses the request itself', () => {
  it.each([
    [404, 'The requested resource was not found.', 'trello_not_found'],
    [401, 'invalid token', 'trello_unauthorized'],
    [403, 'unauthorized card permission requested', 'trello_forbidden'],
    [400, 'invalid id', 'trello_bad_request'],
    [422, '{"message":"Invalid objectId","error":"ERROR"}', 'trello_bad_request'],
  ])('fails for good on %i after one request, quoting Trello', async (status, body, code) => {
    kit.trello.script('GET', cardPath, { status, body });

    const err = await failure(kit.client().getCard(CARD_ID));

    expect(err).toBeInstanceOf(TrelloUnrecoverableError);
    expect(err).toMatchObject({ name: 'TrelloUnrecoverableError', code, status, attempts: 1, path: cardPath });
    expect(err.message).toContain(`GET ${cardPath} answered ${status} after 1 attempt: ${body}.`);
    expect(kit.trello.requests).toHaveLength(1);
  });

  it('names the path without its query string and cuts a long body short', async () => {
    kit.trello.script('PUT', cardPath, { status: 400, body: `invalid value for idList ${'x'.repeat(500)}` });

    const err = await failure(kit.client().moveCard(CARD_ID, 'nope'));

    expect(err).toMatchObject({ method: 'PUT', path: cardPath });
    expect(err.message).not.toContain('?');
    expect(err.message).toContain(`${'x'.repeat(150)}`);
    expect(err.message).not.toContain(`${'x'.repeat(250)}`);
  });
});
