import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { Redis } from 'ioredis';
import { createApp } from '../../../server/http/create-app';
import { signTrelloPayload } from '../../../server/http/verify-trello-signature';
import { createEventQueues, type EventQueues } from '../../../server/queue/event-queues';
import { createProducerRedis, connectRedis } from '../../../server/queue/redis-connections';
import { deleteKeys, testRedis, TEST_REDIS_URL, uniquePrefix } from '../../helpers/redis';
import { testLog } from '../../helpers/silent-log';
import { startTcpProxy } from '../../helpers/tcp-proxy';

const SECRET = 'test-app-secret';
const CALLBACK = 'https://gatekeeper.example.com/webhooks/trello';
const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/trello', name));
const moveBody = fixture('updateCard-move-between-lists-2024.json');
const commentBody = fixture('commentCard-raw-body-2021.json');
// Pinned with an independent implementation (Python hmac) so a change to the signer cannot pass unnoticed.
const KNOWN_GOOD = { move: 'LMnA62saanGSIQqrcwI9/Z51v1U=', comment: 'oUns72K7SpGRekpZUSDMwQDmVAI=' };

describe('POST /webhooks/trello', () => {
  let redis: Redis;
  let producer: Redis;
  let queues: EventQueues;
  let prefix: string;
  let app: ReturnType<typeof createApp>;
  let badSignatures = 0;

  beforeAll(async () => {
    redis = testRedis();
    prefix = uniquePrefix('webhook');
    producer = await connectRedis(createProducerRedis(TEST_REDIS_URL), TEST_REDIS_URL);
    queues = await createEventQueues({ connection: producer, prefix, partitions: 4, log: testLog() });
    app = createApp({
      log: testLog(), callbackUrl: CALLBACK, appSecret: SECRET, bodyLimit: '64kb',
      enqueue: (e) => queues.enqueue(e),
      onBadSignature: () => void (badSignatures += 1),
      readiness: async () => ({ redis: { ok: true } }),
    });
  });
  afterAll(async () => {
    await queues.close();
    await producer.quit();
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  // superagent would JSON-encode a Buffer; a string goes out byte for byte (the fixtures are UTF-8).
  const post = (body: Buffer, signature?: string) => {
    const req = request(app).post('/webhooks/trello').set('Content-Type', 'application/json');
    return (signature === undefined ? req : req.set('X-Trello-Webhook', signature)).send(body.toString('utf8'));
  };
  const jobCount = async () => (await Promise.all(queues.queues.map((q) => q.getJobCountByTypes('waiting', 'prioritized', 'delayed')))).reduce((a, b) => a + b, 0);

  it('signs exactly as the independent reference implementation does', () => {
    expect(signTrelloPayload(moveBody, CALLBACK, SECRET)).toBe(KNOWN_GOOD.move);
    expect(signTrelloPayload(commentBody, CALLBACK, SECRET)).toBe(KNOWN_GOOD.comment);
  });

  it('queues a real move delivery once and answers 200', async () => {
    const res = await post(moveBody, KNOWN_GOOD.move);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'queued', actionId: '65a7d90edf6648c60e5add42' });
    expect(await jobCount()).toBe(1);
  });

  it('queues a redelivered action only once', async () => {
    // An action of its own, so the count does not depend on what earlier tests queued.
    const parsed = JSON.parse(moveBody.toString('utf8'));
    parsed.action.id = '65a7d90edf6648c60e5add77';
    const body = Buffer.from(JSON.stringify(parsed));
    const signature = signTrelloPayload(body, CALLBACK, SECRET);
    const before = await jobCount();
    expect((await post(body, signature)).body).toEqual({ status: 'queued', actionId: '65a7d90edf6648c60e5add77' });
    expect((await post(body, signature)).status).toBe(200);
    expect(await jobCount()).toBe(before + 1);
  });

  it('acknowledges an action that moves no card without queueing it', async () => {
    const res = await post(commentBody, KNOWN_GOOD.comment);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ignored');
  });

  it('verifies a body with \\/ and \\uXXXX escapes over its raw bytes', async () => {
    const parsed = JSON.parse(moveBody.toString('utf8'));
    parsed.action.id = '65a7d90edf6648c60e5add99';
    parsed.action.data.listAfter.name = 'Подключение / этап 5';
    const escaped = JSON.stringify(parsed)
      .replace(/\//g, '\\/')
      .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    expect(escaped).toContain('\\u041f');
    const raw = Buffer.from(escaped);
    const res = await post(raw, signTrelloPayload(raw, CALLBACK, SECRET));
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('queued');
    // The same content re-serialised is different bytes, so its signature does not match.
    const reserialised = JSON.stringify(JSON.parse(escaped));
    expect(signTrelloPayload(Buffer.from(reserialised), CALLBACK, SECRET)).not.toBe(signTrelloPayload(raw, CALLBACK, SECRET));
  });

  it('answers 401 when the signature is missing', async () => {
    const res = await post(moveBody);
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/missing/);
  });

  it('answers 401 when the signature is wrong, even by one byte of body', async () => {
    const tampered = Buffer.from(moveBody.toString('utf8').replace('Chamados Realizados', 'Chamados realizados'));
    expect((await post(tampered, KNOWN_GOOD.move)).status).toBe(401);
    expect((await post(moveBody, 'AAAA')).status).toBe(401);
    expect((await post(moveBody, signTrelloPayload(moveBody, 'https://other.example.com/webhooks/trello', SECRET))).status).toBe(401);
  });

  it('reports every signature failure, so that a wrong secret is loud', async () => {
    const before = badSignatures;
    await post(moveBody, 'AAAA');
    await post(moveBody);
    await post(moveBody, KNOWN_GOOD.move);
    expect(badSignatures - before).toBe(2);
  });

  it('answers 400 on malformed JSON with a valid signature', async () => {
    const raw = Buffer.from('{"action": {"id": ');
    const res = await post(raw, signTrelloPayload(raw, CALLBACK, SECRET));
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('malformed_json');
  });

  it('answers 400 on JSON that is not a Trello action, naming the path', async () => {
    const raw = Buffer.from(JSON.stringify({ action: { id: 'not-an-id', type: 'updateCard' }, model: {} }));
    const res = await post(raw, signTrelloPayload(raw, CALLBACK, SECRET));
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^not a Trello action: action\.id/);
  });

  it('answers 413 on an oversized body before checking anything else', async () => {
    const raw = Buffer.alloc(65 * 1024, 'a');
    const res = await post(raw, signTrelloPayload(raw, CALLBACK, SECRET));
    expect(res.status).toBe(413);
    expect(res.body.error).toBe('body_too_large');
  });

  it("answers Trello's HEAD check with 200", async () => {
    expect((await request(app).head('/webhooks/trello')).status).toBe(200);
  });
});

describe('when Redis goes away after start', () => {
  it('answers 503 so that Trello delivers the event again, and /readyz says not ready', async () => {
    const proxy = await startTcpProxy();
    const prefix = uniquePrefix('webhook-down');
    const producer = await connectRedis(createProducerRedis(proxy.url), proxy.url);
    producer.on('error', () => {});
    const queues = await createEventQueues({ connection: producer, prefix, partitions: 2, log: testLog() });
    const app = createApp({
      log: testLog(), callbackUrl: CALLBACK, appSecret: SECRET, bodyLimit: '64kb',
      enqueue: (e) => queues.enqueue(e),
      readiness: async () => ({
        redis: await producer.ping().then(() => ({ ok: true }), (err: Error) => ({ ok: false, detail: err.message })),
      }),
    });
    expect((await request(app).get('/readyz')).status).toBe(200);
    await proxy.cut();

    const res = await request(app).post('/webhooks/trello').set('Content-Type', 'application/json')
      .set('X-Trello-Webhook', KNOWN_GOOD.move).send(moveBody.toString('utf8'));
    expect(res.status).toBe(503);
    expect(res.body.error).toBe('queue_unavailable');
    const ready = await request(app).get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.checks.redis.ok).toBe(false);
    expect((await request(app).get('/healthz')).status).toBe(200);

    await queues.close();
    producer.disconnect();
    await proxy.close();
    const redis = testRedis();
    await deleteKeys(redis, prefix);
    await redis.quit();
  });
});
