import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import request from 'supertest';
import { DEADLINES_QUEUE } from '../../../server/deadlines/deadline-job';
import { LINK_REMINDER_JOB } from '../../../server/deadlines/link-reminder';
import { startE2E, type E2E } from '../../e2e/e2e-kit';
import { createAccessLinks } from '../../../server/vault/access-links';
import { recordedLog } from '../../helpers/recorded-log';
import { deleteKeys, testRedis, uniquePrefix } from '../../helpers/redis';
import { until } from '../../helpers/until';
import { DEFAULT_RULES_FILE } from '../../rules/default-rules';
import { startSmtpStandIn, type SmtpStandIn } from '../notify/stand-ins/smtp-stand-in';

const ICECAST = { label: 'Icecast source', login: 'source-lutik', secret: 'Lutik-<b>Icecast</b>-91f', url: 'icecast://stream.lutik.example:8000/live' };
const PANEL = { label: 'Панель статистики', login: 'lutik', secret: 'Lutik-Panel-17c' };

/** The default rules, with a sender for e-mail (the links to clients go out from it). */
function rulesWithSender(dir: string): string {
  const text = readFileSync(DEFAULT_RULES_FILE, 'utf8').replace(/^notifications:\n/m, 'notifications:\n  emailFrom: Gatekeeper <gatekeeper@radio.example>\n');
  const file = join(dir, 'rules.yaml');
  writeFileSync(file, text);
  return file;
}

describe('handing credentials to the client: a one-time link', () => {
  const recorded = recordedLog();
  const dir = mkdtempSync(join(tmpdir(), 'gk-vault-link-'));
  let smtp: SmtpStandIn;
  let e2e: E2E;
  let cardId: string;
  let entryIds: string[];

  const api = (member: string) => ({
    post: (path: string, body: object) =>
      request(e2e.service.url).post(`/api/cards/${cardId}/vault${path}`).set('Authorization', `Bearer ${e2e.powerUpJwt(member)}`).send(body),
    get: (path: string) => request(e2e.service.url).get(`/api/cards/${cardId}/vault${path}`).set('Authorization', `Bearer ${e2e.powerUpJwt(member)}`),
  });
  const share = (member: string, body: object) => api(member).post('/share', body);
  const linkIn = (text: string) => /\/access\/([A-Za-z0-9_-]{43})/.exec(text)?.[0] ?? '';
  const open = (path: string) => request(e2e.service.url).post(path).type('form').send('');

  beforeAll(async () => {
    smtp = await startSmtpStandIn({ user: 'gk', password: 'pw' });
    e2e = await startE2E('vault-link', { log: recorded.log, env: { RULES_FILE: rulesWithSender(dir), SMTP_URL: smtp.url } });
    cardId = await e2e.stationCard('Радио Лютик', { 'contact.email': 'tech@lutik.example' });
    e2e.sim.ui('engineer').addChecklist(cardId, 'Запуск', ['Потоки добавлены', 'Доступы отправлены клиенту']);
    for (const entry of [ICECAST, PANEL]) expect((await api('engineer').post('/entries', entry)).status).toBe(201);
    entryIds = (await api('engineer').get('')).body.entries.map((e: { id: string }) => e.id);
  });
  afterAll(async () => {
    await e2e.close();
    await smtp.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('mails a link to the technical contact, ticks «Доступы отправлены клиенту» and says on the card who sent what to whom', async () => {
    const res = await share('manager', { entryIds, delivery: 'email' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ expiresAt: expect.any(String), ticked: true, sentTo: 'tech@lutik.example' });
    expect(Date.parse(res.body.expiresAt) - Date.now()).toBeGreaterThan(3 * 86_400_000 - 60_000);

    const [mail] = smtp.received.filter((m) => m.to.includes('tech@lutik.example'));
    expect(mail).toMatchObject({ from: '"Gatekeeper" <gatekeeper@radio.example>', subject: 'Доступы для Радио Лютик' });
    expect(mail!.text).toContain(`${e2e.env.PUBLIC_URL}/access/`);
    expect(mail!.text).not.toContain(ICECAST.secret);

    const item = e2e.sim.card(cardId).checklists.find((c) => c.name === 'Запуск')!.checkItems.find((i) => i.name === 'Доступы отправлены клиенту');
    expect(item?.state).toBe('complete');
    const manager = e2e.board.members.manager;
    expect(e2e.sim.comments(cardId).map((c) => c.text)).toContainEqual(
      expect.stringMatching(new RegExp(`^Доступы отправлены клиенту: «Icecast source», «Панель статистики» → tech@lutik\\.example, одноразовая ссылка до \\d\\d\\.\\d\\d\\.\\d{4}, \\d\\d:\\d\\d\\. Отправил ${manager.fullName} \\(@manager\\)\\.$`)),
    );
  });

  it('offers the link on GET without using it up, shows the credentials once on POST, then says only that it is gone', async () => {
    const path = linkIn(smtp.received.at(-1)!.text);
    const offered = await request(e2e.service.url).get(path);
    expect(offered.status).toBe(200);
    expect(offered.text).toContain('Показать доступы');
    expect(offered.text).not.toContain(ICECAST.secret);
    expect((await request(e2e.service.url).get(path)).status).toBe(200);

    const shown = await open(path);
    expect(shown.status).toBe(200);
    expect(shown.headers).toMatchObject({
      'cache-control': 'no-store', 'referrer-policy': 'no-referrer', 'x-robots-tag': 'noindex, nofollow, noarchive',
    });
    expect(shown.headers['content-security-policy']).toContain("default-src 'none'");
    expect(shown.text).toContain('Lutik-&lt;b&gt;Icecast&lt;/b&gt;-91f');
    expect(shown.text).toContain(PANEL.secret);

    const again = await open(path);
    const guessed = await open('/access/' + 'A'.repeat(43));
    const gotAgain = await request(e2e.service.url).get(path);
    expect([again.status, guessed.status, gotAgain.status]).toEqual([404, 404, 404]);
    expect(again.text).toBe(guessed.text);
    expect(gotAgain.text).toBe(guessed.text);
    expect(again.text).toContain('Ссылка больше не действует');

    await e2e.settle();
    expect(e2e.sim.comments(cardId).map((c) => c.text)).toContainEqual(expect.stringMatching(/^Клиент открыл доступы \d\d\.\d\d, \d\d:\d\d\.$/));
    const log = await api('director').get('/access');
    expect(log.body.entries.slice(0, 2).map((e: { action: string; person: unknown; recipient?: string; entryCount?: number }) => [e.action, e.person === null, e.recipient, e.entryCount])).toEqual([
      ['link-opened', true, 'tech@lutik.example', 2],
      ['share', false, 'tech@lutik.example', 2],
    ]);
  });

  it('shows the credentials to exactly one of many opens at the same instant', async () => {
    const res = await share('engineer', { entryIds: [entryIds[0]], delivery: 'copy' });
    expect(res.body).toEqual({ expiresAt: expect.any(String), ticked: true, url: expect.stringContaining(`${e2e.env.PUBLIC_URL}/access/`) });
    const path = new URL(res.body.url).pathname;
    const opens = await Promise.all(Array.from({ length: 8 }, () => open(path)));
    expect(opens.map((o) => o.status).sort()).toEqual([200, 404, 404, 404, 404, 404, 404, 404]);
    expect(opens.filter((o) => o.text.includes('source-lutik'))).toHaveLength(1);
  });

  it('refuses to share without the right, without a contact address, and for entries that do not exist', async () => {
    expect((await share('accountant', { entryIds, delivery: 'copy' })).body.error).toBe('vault_forbidden');
    expect((await share('manager', { entryIds: [], delivery: 'copy' })).body).toEqual({ error: 'bad_body', message: 'entryIds: choose at least one entry' });
    expect((await share('manager', { entryIds: ['nope'], delivery: 'copy' })).status).toBe(404);
    const repeated = await share('manager', { entryIds: [entryIds[0], entryIds[0], 'gone'], delivery: 'copy' });
    expect(repeated.body).toEqual({ error: 'no_such_entry', message: `card ${cardId} has no credential gone (deleted meanwhile?)` });
    e2e.sim.ui('manager').setPluginData(cardId, { station: {} });
    const noAddress = await share('manager', { entryIds, delivery: 'email' });
    expect(noAddress.status).toBe(409);
    expect(noAddress.body.error).toBe('no_contact_email');
  });

  it('never writes a link token or a secret into the log or Redis', async () => {
    const tokens = smtp.received.map((m) => linkIn(m.text).split('/').pop()!).filter(Boolean);
    expect(tokens.length).toBeGreaterThan(0);
    const logs = JSON.stringify(recorded.lines);
    expect(logs).toContain('/access/[token]');
    const dump: string[] = [];
    for (const key of await e2e.redis.keys(`${e2e.env.REDIS_PREFIX}:*`)) {
      if ((await e2e.redis.type(key)) === 'string') dump.push(key, (await e2e.redis.get(key)) ?? '');
      else dump.push(key);
    }
    // Each link sent waits for its reminder in the deadlines queue, named by the token's hash alone.
    const queue = new Queue(DEADLINES_QUEUE, { connection: e2e.redis, prefix: e2e.env.REDIS_PREFIX });
    const reminders = (await queue.getJobs(['delayed', 'waiting'])).filter((job) => job.name === LINK_REMINDER_JOB);
    await queue.close();
    expect(reminders.map((job) => job.data.stage)).toEqual(['Новая заявка', 'Новая заявка']);
    for (const secret of [...tokens, ICECAST.secret, PANEL.secret]) {
      expect(logs).not.toContain(secret);
      expect(dump.join('\n')).not.toContain(secret);
      expect(JSON.stringify(reminders.map((job) => job.data))).not.toContain(secret);
    }
  });
});

describe('a link nobody opens in time', () => {
  it('is gone from Redis when it expires, and cannot be made already expired', async () => {
    const redis = testRedis();
    const prefix = uniquePrefix('vault-expiry');
    let now = Date.parse('2026-11-27T10:00:00Z');
    const links = createAccessLinks({ redis, prefix, now: () => now });
    try {
      const link = { boardId: 'b', cardId: 'c', entryIds: ['e'], createdAt: new Date(now).toISOString(), expiresAt: new Date(now + 300).toISOString(), sentBy: { memberId: 'm', username: 'u', fullName: null }, recipient: '' };
      const token = await links.create(link);
      expect(await links.peek(token)).toEqual(link);
      // Redis expires the key itself (PX): no sweeper, nothing left behind.
      await until('the link expires', async () => (await links.peek(token)) === null, 5_000);
      expect(await links.burn(token)).toBeNull();
      now += 1_000;
      await expect(links.create(link)).rejects.toThrow(/must expire in the future/);
    } finally {
      await deleteKeys(redis, prefix);
      await redis.quit();
    }
  });
});
