import { readFileSync } from 'node:fs';
import request from 'supertest';
import type { RulesEditorAnswer, RulesVersionInfo } from '../../powerup/model/api-contract';
import { createRulesVersions } from '../../server/rules-store/rules-versions';
import { DEFAULT_RULES_FILE } from '../rules/default-rules';
import { stationUpTo } from '../stack/station-data';
import { startE2E, type E2E } from './e2e-kit';

const DEFAULT_TEXT = readFileSync(DEFAULT_RULES_FILE, 'utf8');
const CONTRACT_GATE = 'fields: [contract.number, contract.date]';
/** The change the issue names: «Подключение» also requires the bank's BIK. */
const WITH_BIK = DEFAULT_TEXT.replace(CONTRACT_GATE, 'fields: [contract.number, contract.date, org.bik]');

describe('rules versions, the editor API and live reload', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E('rules-versions');
  });
  afterAll(() => e2e.close());
  const api = (method: 'get' | 'post', path: string, member = 'director') =>
    request(e2e.service.url)[method](`/api${path}`).set('Authorization', `Bearer ${e2e.powerUpJwt(member)}`);
  const versions = () => createRulesVersions({ redis: e2e.redis, prefix: e2e.env.REDIS_PREFIX });
  const save = (text: string, baseVersion: number, comment = 'БИК нужен бухгалтерии до подключения') =>
    api('post', '/rules/versions').send({ text, comment, baseVersion });

  it('seeds version 1 from RULES_FILE and opens the editor with what completion needs', async () => {
    const res = await api('get', '/rules/editor').expect(200);
    const body = res.body as RulesEditorAnswer;
    expect(body.active).toMatchObject({ version: 1, author: null, source: 'file', restoredFrom: null, text: DEFAULT_TEXT });
    expect(body.versions.map((v) => v.version)).toEqual([1]);
    expect(body.completion.lists).toEqual(expect.arrayContaining(['Новая заявка', 'Подключение']));
    expect(body.completion.members).toContainEqual({ username: 'director', fullName: 'Ирина Директорова' });
    expect(body.completion.fieldKeys).toEqual(expect.arrayContaining(['org.bik', 'contract.number']));
    expect(body.completion.roles).toEqual(expect.arrayContaining(['director', 'engineer']));
    expect(body.schema).toHaveProperty('properties.stages');
  });

  it('refuses a member who is neither a Trello admin of the board nor in the rules\' admins, naming who may', async () => {
    for (const path of ['/rules/editor', '/rules/versions/1', '/rules/setup']) {
      const res = await api('get', path, 'manager').expect(403);
      expect(res.body).toEqual({
        error: 'rules_admin_forbidden',
        message: 'Правила меняют администраторы доски в Trello и директор (Ирина Директорова, @director). @manager — не из них.',
      });
    }
    await api('post', '/rules/versions', 'manager').send({ text: WITH_BIK, comment: 'x', baseVersion: 1 }).expect(403);
    expect(await versions().activeNumber()).toBe(1);
    // The board's Trello admin (the integration's account on the demo board) holds no role and may.
    await api('get', '/rules/editor', 'gatekeeper').expect(200);
    // Asked of Trello once, not on every call (the editor checks the draft on each pause in typing).
    await api('post', '/rules/check', 'gatekeeper').send({ text: DEFAULT_TEXT }).expect(200);
    expect(e2e.serviceRequests('GET').filter((r) => r.path.endsWith('/memberships'))).toHaveLength(1);
  });

  it('lists every problem of a draft at once, each on its line', async () => {
    // The typo in one stage's key does not hide the bad reference in another's.
    const draft = WITH_BIK.replace('contract.date, org.bik]', 'contract.numbr, org.bik]').replace('    gate:\n      checked: [broadcast.live]', '    gatee:\n      checked: [broadcast.live]');
    const res = await api('post', '/rules/check').send({ text: draft }).expect(200);
    const problems = res.body.problems as { message: string; line?: number }[];
    const lineOf = (needle: string) => draft.split('\n').findIndex((line) => line.includes(needle)) + 1;
    expect(problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ line: lineOf('gatee:'), message: expect.stringContaining('gatee') }),
      expect.objectContaining({ line: lineOf('contract.numbr'), message: expect.stringContaining('did you mean "contract.number"') }),
    ]));
    expect((await api('post', '/rules/check').send({ text: WITH_BIK }).expect(200)).body).toEqual({ problems: [] });
  });

  it('refuses to save an invalid draft, with its problems, and saves nothing', async () => {
    const res = await save(WITH_BIK.replace('org.bik]', 'org.bic]'), 1).expect(422);
    expect(res.body).toMatchObject({ error: 'rules_invalid', problems: [expect.objectContaining({ message: expect.stringContaining('did you mean "org.bik"') })] });
    await api('post', '/rules/versions').send({ text: WITH_BIK, comment: '  ', baseVersion: 1 }).expect(400);
    expect(await versions().activeNumber()).toBe(1);
  });

  it('saves a version with its author and comment; the next move is judged under it without a restart, and the audit names it', async () => {
    const before = await e2e.stationCard('Радио Ромашка', stationUpTo('contractSignedAndPaid'), 'Договор и оплата');
    const res = await save(WITH_BIK, 1).expect(201);
    expect(res.body.saved).toMatchObject({
      version: 2, author: { username: 'director', fullName: 'Ирина Директорова' }, comment: 'БИК нужен бухгалтерии до подключения', source: 'editor',
    });
    // The Power-Up's own rules answer changes at once in the process that saved.
    const rules = await api('get', '/rules').expect(200);
    expect(rules.body.config.stages.find((s: { list: string }) => s.list === 'Подключение').gate.fields).toContain('org.bik');

    e2e.sim.ui('director').moveCard(before, 'Подключение');
    await e2e.settle();
    expect(e2e.sim.card(before).listName).toBe('Договор и оплата');
    const [judged] = (await e2e.audit(before)).filter((a) => a.to.name === 'Подключение');
    expect(judged).toMatchObject({ verdict: 'reverted', rulesVersion: 2 });
    expect(judged!.failures.map((f) => f.ru).join('\n')).toContain('БИК');
    // The director's decision log says which rules judged it.
    const log = await api('get', `/boards/${e2e.board.boardId}/decisions?verdict=reverted`).expect(200);
    expect(log.body.decisions.find((d: { cardId: string }) => d.cardId === before)).toMatchObject({ verdict: 'reverted', rulesVersion: 2 });
  });

  it('answers 409 to a save made against a version that is no longer active, naming both', async () => {
    const res = await save(DEFAULT_TEXT, 1).expect(409);
    expect(res.body).toMatchObject({ error: 'rules_version_conflict', editedFrom: 1, active: { version: 2, author: { username: 'director' } } });
    expect(res.body.message).toMatch(/^this draft was edited from version 1, but version 2 was saved by @director at \S+; look at its changes and save again$/);
    expect(await versions().activeNumber()).toBe(2);
  });

  it('lets two saves against the same version race: exactly one wins', async () => {
    const results = await Promise.all([save(`${WITH_BIK}\n# a\n`, 2, 'first'), save(`${WITH_BIK}\n# b\n`, 2, 'second')]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await versions().activeNumber()).toBe(3);
  });

  it('restores an earlier version as a new one; the text is version 1\'s and moves are judged by it again', async () => {
    const res = await api('post', '/rules/versions/1/restore').send({ comment: 'назад к исходным правилам', baseVersion: 3 }).expect(201);
    const saved = res.body.saved as RulesVersionInfo;
    expect(saved).toMatchObject({ version: 4, source: 'restore', restoredFrom: 1, author: { username: 'director' } });
    expect((await versions().get(4))!.text).toBe(DEFAULT_TEXT);
    expect(saved.hash).toBe((await versions().get(1))!.hash);
    await api('post', '/rules/versions/99/restore').send({ comment: 'x', baseVersion: 4 }).expect(404);

    const after = await e2e.stationCard('Радио Лютик', stationUpTo('contractSignedAndPaid'), 'Договор и оплата');
    e2e.sim.ui('director').moveCard(after, 'Подключение');
    await e2e.settle();
    expect(e2e.sim.card(after).listName).toBe('Подключение');
    expect((await e2e.audit(after)).find((a) => a.to.name === 'Подключение')).toMatchObject({ verdict: 'accepted', rulesVersion: 4 });

    const history = (await api('get', '/rules/editor').expect(200)).body as RulesEditorAnswer;
    expect(history.versions.map((v) => [v.version, v.source])).toEqual([[4, 'restore'], [3, 'editor'], [2, 'editor'], [1, 'file']]);
  });

  it('shows the board set-up and, applied, changes nothing on a board that is set up', async () => {
    // In the rules' language unless the editor asks for the member's.
    const plan = (await api('get', '/rules/setup').expect(200)).body;
    expect(plan).toMatchObject({ applied: false, changes: 0, needsPerson: false });
    expect(plan.report).toContain('в порядке: все списки этапов (9) есть на доске');
    expect((await api('get', '/rules/setup?language=en').expect(200)).body.report).toContain('ok: the 9 stage lists are on the board');
    await api('get', '/rules/setup?language=de').expect(400);
    const before = e2e.serviceRequests().filter((r) => r.method !== 'GET').length;
    expect((await api('post', '/rules/setup').expect(200)).body).toMatchObject({ applied: true, changes: 0 });
    expect(e2e.serviceRequests().filter((r) => r.method !== 'GET').length).toBe(before);
  });
});
