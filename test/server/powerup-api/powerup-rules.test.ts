import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import express from 'express';
import request from 'supertest';
import { membersOfRole, NOTIFICATION_CHANNELS, parseRules } from '../../../rules';
import { rulesRoute } from '../../../server/powerup-api/rules-route';

// Every channel with its addresses, and people in every role: all of it must stay on the server.
const config = parseRules(readFileSync(resolve(__dirname, '../../../rules/examples/all-channels.yaml'), 'utf8'), 'yaml');

async function rulesAnswer() {
  const app = express().use('/api', rulesRoute(config));
  return request(app).get('/api/rules');
}

/** Every string under `value` (object keys too): addresses, chat ids, URLs, usernames. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => [key, ...stringsIn(item)]);
  return [];
}

describe('the rules the Power-Up is sent (GET /api/rules)', () => {
  it('holds the form and the stages, and nothing else of the rules file', async () => {
    const res = await rulesAnswer();
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.config).sort()).toEqual(['checklists', 'fields', 'groups', 'stages']);
  });

  it('gives no notification address, chat id, webhook URL or sender', async () => {
    const secrets = stringsIn(config.notifications).filter((text) => !(NOTIFICATION_CHANNELS as readonly string[]).includes(text) && /[@:/\d]/.test(text));
    expect(secrets).toEqual(
      expect.arrayContaining(['buh@example.com', '-1001234567890', 'https://crm.example.com/hooks/gatekeeper', 'Gatekeeper <gatekeeper@example.com>']),
    );

    const { text } = await rulesAnswer();
    for (const secret of secrets) expect(text).not.toContain(secret);
  });

  it('names no member of any role', async () => {
    const usernames = Object.keys(config.roles).flatMap((role) => membersOfRole(config, role));
    const { text } = await rulesAnswer();
    for (const username of usernames) expect(text).not.toContain(username);
  });

  it('gives each stage its list, order and data gate, not who owns it, who may move cards or its limits', async () => {
    const { body } = await rulesAnswer();
    const suspension = body.config.stages.find((stage: { list: string }) => stage.list === 'Приостановлен (задолженность)');
    expect(suspension).toEqual({ list: 'Приостановлен (задолженность)', side: true, gate: {} });
    expect(body.config.stages[1]).toEqual({ list: 'Подключение', side: false, gate: {} });
  });
});
