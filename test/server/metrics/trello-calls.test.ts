import { createMetrics } from '../../../server/metrics/create-metrics';
import { captureLog, KEY, TOKEN, useScriptedTrello } from '../trello/trello-test-kit';
import { scrape, valueOf } from './scrape';

const kit = useScriptedTrello('metrics-trello');
const ME = { id: 'm1', username: 'gatekeeper', fullName: 'Gatekeeper' };
const CARD = '5f1a2b3c4d5e6f7a8b9c0d1e';

describe("Trello's answers counted through the client's observe option", () => {
  it('counts every attempt by method, route and status, retries included, and 429s apart', async () => {
    const metrics = createMetrics({ prefix: kit.prefix, redis: kit.redis, queues: [] });
    const client = kit.client({
      timeoutMs: 200,
      observe: (attempt) => metrics.trelloResponse(attempt.method, attempt.path, attempt.status),
    });
    kit.trello.script('GET', '/1/members/me', { status: 429, body: 'slow down' }, { status: 200, body: ME });
    kit.trello.script('GET', `/1/tokens/${TOKEN}/webhooks`, { status: 200, body: [] });
    kit.trello.script('DELETE', '/1/webhooks/65bb00bb00bb00bb00bb00bb', { reset: true }, { status: 200, body: '' });
    kit.trello.script('GET', '/1/boards/b1/lists', { hang: true }, { status: 200, body: [] });
    kit.trello.script('GET', `/1/cards/${CARD}`, { status: 404, body: 'The requested resource was not found.' });

    await client.getMe();
    await client.listWebhooks();
    await client.deleteWebhook('65bb00bb00bb00bb00bb00bb');
    await client.getBoardLists('b1');
    await expect(client.getCard(CARD)).rejects.toThrow('answered 404');

    const { samples, text } = await scrape(metrics);
    const calls = (method: string, route: string, status: string) =>
      valueOf(samples, 'gatekeeper_trello_requests_total', { method, route, status });
    expect(calls('GET', '/1/members/me', '429')).toBe(1);
    expect(calls('GET', '/1/members/me', '200')).toBe(1);
    expect(calls('GET', '/1/tokens/:token/webhooks', '200')).toBe(1);
    expect(calls('DELETE', '/1/webhooks/:id', 'network')).toBe(1);
    expect(calls('DELETE', '/1/webhooks/:id', '200')).toBe(1);
    expect(calls('GET', '/1/boards/:id/lists', 'timeout')).toBe(1);
    expect(calls('GET', '/1/boards/:id/lists', '200')).toBe(1);
    expect(calls('GET', '/1/cards/:id', '404')).toBe(1);
    expect(valueOf(samples, 'gatekeeper_trello_rate_limited_total')).toBe(1);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(KEY);
  });

  it('hands the observer the masked path, never the token', async () => {
    const seen: string[] = [];
    kit.trello.script('GET', `/1/tokens/${TOKEN}/webhooks`, { status: 200, body: [] });
    await kit.client({ observe: (attempt) => seen.push(`${attempt.method} ${attempt.path} ${attempt.status}`) }).listWebhooks();
    expect(seen).toEqual(['GET /1/tokens/***/webhooks 200']);
  });

  it('logs an observer that throws and still returns what Trello answered', async () => {
    const capture = captureLog();
    kit.trello.script('GET', '/1/members/me', { status: 200, body: ME });
    const client = kit.client({ log: capture.log, observe: () => { throw new Error('registry gone'); } });

    await expect(client.getMe()).resolves.toEqual(ME);
    expect(capture.lines()).toContainEqual(expect.objectContaining({ msg: '[trello] attempt observer failed', err: 'registry gone' }));
  });
});
