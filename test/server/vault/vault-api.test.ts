import request from 'supertest';
import { startE2E, type E2E } from '../../e2e/e2e-kit';
import { recordedLog } from '../../helpers/recorded-log';
import type { DemoMemberRole } from '../../simulator/types';

const ICECAST = { label: 'Icecast source', login: 'source-kedr', secret: 'Kedr-Icecast-7f3a9c', url: 'icecast://stream.kedr.example:8000/live', note: 'меняется раз в квартал' };
const PANEL = { label: 'Панель статистики', login: 'kedr', secret: 'Stat-Panel-5b2e81' };

describe('«Доступы»: the vault API', () => {
  const recorded = recordedLog();
  let e2e: E2E;
  let cardId: string;

  const as = (member: string) => {
    const auth = (r: request.Test) => r.set('Authorization', `Bearer ${e2e.powerUpJwt(member)}`);
    const url = (path: string) => `/api/cards/${cardId}/vault${path}`;
    return {
      list: () => auth(request(e2e.service.url).get(url(''))),
      add: (body: object) => auth(request(e2e.service.url).post(url('/entries'))).send(body),
      edit: (id: string, body: object) => auth(request(e2e.service.url).put(url(`/entries/${id}`))).send(body),
      remove: (id: string) => auth(request(e2e.service.url).delete(url(`/entries/${id}`))),
      reveal: (id: string, purpose?: string) => auth(request(e2e.service.url).post(url(`/entries/${id}/reveal`))).send(purpose ? { purpose } : {}),
      cardLog: () => auth(request(e2e.service.url).get(url('/access'))),
      boardLog: (query = '') => auth(request(e2e.service.url).get(`/api/boards/${e2e.board.boardId}/vault/access${query}`)),
    };
  };
  const person = (role: DemoMemberRole) => {
    const m = e2e.board.members[role];
    return { username: m.username, fullName: m.fullName };
  };

  beforeAll(async () => {
    e2e = await startE2E('vault-api', { log: recorded.log });
    cardId = await e2e.stationCard('Радио Кедр', { 'contact.email': 'tech@kedr.example' });
  });
  afterAll(() => e2e.close());

  let icecastId: string;

  it('lets an engineer add entries, and shows them to those who may view, without the secret', async () => {
    const added = await as('engineer').add(ICECAST);
    expect(added.status).toBe(201);
    expect(added.headers['cache-control']).toBe('no-store');
    await as('engineer').add(PANEL);

    const res = await as('director').list();
    expect(res.status).toBe(200);
    expect(res.body.rights).toEqual({ view: true, edit: false, share: false, audit: true });
    expect(res.body.entries).toEqual([
      { id: expect.any(String), label: 'Icecast source', login: 'source-kedr', url: ICECAST.url, note: ICECAST.note, updatedAt: expect.any(String), updatedBy: person('engineer') },
      { id: expect.any(String), label: 'Панель статистики', login: 'kedr', url: '', note: '', updatedAt: expect.any(String), updatedBy: person('engineer') },
    ]);
    expect(JSON.stringify(res.body)).not.toContain(ICECAST.secret);
    icecastId = res.body.entries[0].id;
  });

  it('shows members without the right that entries exist, not their values, and who may look', async () => {
    const res = await as('manager').list();
    expect(res.body.rights).toEqual({ view: false, edit: false, share: true, audit: false });
    expect(res.body.entries.map((e: object) => Object.keys(e).sort())).toEqual([['id', 'label', 'updatedAt', 'updatedBy'], ['id', 'label', 'updatedAt', 'updatedBy']]);
    expect(res.body.holders).toEqual({ view: [person('director'), person('engineer')].sort((a, b) => a.username.localeCompare(b.username)), edit: [person('engineer')] });
  });

  it('reveals a secret to a viewer, logged first, and never lets a cache keep it', async () => {
    const res = await as('director').reveal(icecastId);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({ secret: ICECAST.secret });
    expect((await as('engineer').reveal(icecastId, 'copy')).body).toEqual({ secret: ICECAST.secret });

    const log = await as('director').cardLog();
    expect(log.body.entries.slice(0, 2)).toEqual([
      { id: expect.any(String), at: expect.any(String), action: 'copy', cardId, label: 'Icecast source', person: person('engineer') },
      { id: expect.any(String), at: expect.any(String), action: 'reveal', cardId, label: 'Icecast source', person: person('director') },
    ]);
  });

  it('refuses every right to those the rules do not give it, naming who may', async () => {
    const refusals = [
      await as('manager').reveal(icecastId),
      await as('accountant').reveal(icecastId),
      await as('director').add(ICECAST),
      await as('manager').edit(icecastId, ICECAST),
      await as('director').remove(icecastId),
      await as('manager').cardLog(),
      await as('engineer').boardLog(),
    ];
    expect(refusals.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403, 403]);
    expect(refusals[0]!.body).toEqual({ error: 'vault_forbidden', message: 'only engineer, director may reveal or copy a secret; @manager holds none of those roles' });
    expect(refusals[2]!.body.message).toBe('only engineer may add, change or delete an entry; @director holds none of those roles');
    expect(refusals[5]!.body.message).toBe('only director may read the access log; @manager holds none of those roles');
    expect((await as('director').cardLog()).body.entries.map((e: { action: string }) => e.action)).not.toContain('delete');
  });

  it('says what is wrong with an entry, and that an entry is gone', async () => {
    const bad = await as('engineer').add({ label: '', secret: '', url: 'javascript:alert(1)' });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: 'invalid_entry', message: 'label: a label is required, e.g. «Icecast source»; secret: the secret is required; url: a URL, e.g. https://panel.example.ru' });
    expect((await as('director').reveal('0b7c5d1e-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await as('director').reveal(icecastId, 'peek')).status).toBe(400);
  });

  it('lets an engineer change and delete entries, each change in the log', async () => {
    const { secret: _kept, ...withoutSecret } = ICECAST;
    const renamed = await as('engineer').edit(icecastId, { ...withoutSecret, note: 'без смены пароля' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.entries[0].note).toBe('без смены пароля');
    const edited = await as('engineer').edit(icecastId, { ...ICECAST, secret: 'Kedr-Icecast-rotated-11' });
    expect(edited.status).toBe(200);
    expect((await as('director').reveal(icecastId)).body.secret).toBe('Kedr-Icecast-rotated-11');
    const panelId = (await as('engineer').list()).body.entries[1].id;
    const removed = await as('engineer').remove(panelId);
    expect(removed.body.entries.map((e: { label: string }) => e.label)).toEqual(['Icecast source']);

    const board = await as('director').boardLog();
    expect(board.body.entries.map((e: { action: string; label: string | null }) => `${e.action} ${e.label ?? '(deleted)'}`)).toEqual([
      'delete (deleted)', 'reveal Icecast source', 'update Icecast source', 'update Icecast source', 'copy Icecast source', 'reveal Icecast source', 'create (deleted)', 'create Icecast source',
    ]);
    const page = await as('director').boardLog('?limit=2');
    expect(page.body.next).toBe(page.body.entries[1].id);
    const rest = await as('director').boardLog(`?limit=10&cursor=${page.body.next}`);
    expect(rest.body.entries).toHaveLength(6);
    expect(rest.body.next).toBeNull();
  });

  it('fails closed: when the access log cannot be written, the secret is not returned', async () => {
    const stream = `${e2e.env.REDIS_PREFIX}:vault:access:card:${cardId}`;
    const saved = await e2e.redis.dumpBuffer(stream);
    await e2e.redis.del(stream);
    await e2e.redis.set(stream, 'not a stream');
    try {
      const res = await as('director').reveal(icecastId);
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ error: 'access_log_unavailable', message: expect.stringContaining('nothing was shown or changed') });
      expect(JSON.stringify(res.body)).not.toContain('Kedr-Icecast');
      expect(recorded.at('error').some((line) => line.msg.includes('the access log cannot be written'))).toBe(true);
    } finally {
      await e2e.redis.del(stream);
      if (saved) await e2e.redis.restore(stream, 0, saved);
    }
  });

  it('keeps the secrets out of every log line, every Redis value outside the vault (queued notifications included), everything sent to Trello and the exports', async () => {
    const secrets = [ICECAST.secret, PANEL.secret, 'Kedr-Icecast-rotated-11'];
    const logs = JSON.stringify(recorded.lines);
    const values: string[] = [];
    for (const key of await e2e.redis.keys(`${e2e.env.REDIS_PREFIX}:*`)) {
      if (key.startsWith(`${e2e.env.REDIS_PREFIX}:vault:card:`)) continue;
      const type = await e2e.redis.type(key);
      if (type === 'string') values.push((await e2e.redis.get(key)) ?? '');
      if (type === 'hash') values.push(JSON.stringify(await e2e.redis.hgetall(key)));
      if (type === 'list') values.push(JSON.stringify(await e2e.redis.lrange(key, 0, -1)));
      if (type === 'stream') values.push(JSON.stringify(await e2e.redis.xrange(key, '-', '+')));
      if (type === 'zset') values.push(JSON.stringify(await e2e.redis.zrange(key, '0', '-1')));
      if (type === 'set') values.push(JSON.stringify(await e2e.redis.smembers(key)));
    }
    const trello = JSON.stringify(e2e.sim.requests);
    const exportsText = await Promise.all(['clients.csv', 'onboardings.csv'].map(async (name) => {
      const res = await request(e2e.service.url).get(`/api/boards/${e2e.board.boardId}/exports/${name}`).set('Authorization', `Bearer ${e2e.powerUpJwt('director')}`);
      expect(res.status).toBe(200);
      return res.text;
    }));
    expect(exportsText[0]).toContain('Радио Кедр');
    for (const secret of secrets) {
      expect(logs).not.toContain(secret);
      expect(values.join('\n')).not.toContain(secret);
      expect(trello).not.toContain(secret);
      for (const text of exportsText) expect(text).not.toContain(secret);
    }
    expect(values.length).toBeGreaterThan(10);
  });
});
