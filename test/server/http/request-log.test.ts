import request from 'supertest';
import { Router } from 'express';
import { createApp } from '../../../server/http/create-app';
import { recordedLog } from '../../helpers/recorded-log';

describe('the request log', () => {
  it('writes one short line per request: method, path without its query, status, time; no headers', async () => {
    const { log, lines } = recordedLog();
    const routes = Router().get('/api/ping', (_req, res) => void res.json({ ok: true }));
    const app = createApp({
      log, callbackUrl: 'https://gatekeeper.example.com/webhooks/trello', appSecret: 's', bodyLimit: '1kb',
      enqueue: async () => undefined, readiness: async () => ({}), routers: [routes],
    });

    await request(app).get('/api/ping?token=secret-token').expect(200);
    await request(app).get('/healthz').expect(200);

    const requestLines = lines.filter((line) => line.msg === 'request completed');
    expect(requestLines).toHaveLength(1);
    const [line] = requestLines;
    expect(line).toMatchObject({ level: 'info', req: { method: 'GET', url: '/api/ping' }, res: { statusCode: 200 } });
    expect(typeof line?.['responseTime']).toBe('number');
    expect(Object.keys(line?.['res'] as object)).toEqual(['statusCode']);
    expect(JSON.stringify(lines)).not.toMatch(/secret-token|content-security-policy|strict-transport-security/i);
  });
});
