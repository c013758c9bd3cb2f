import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startE2E, type E2E } from '../../e2e/e2e-kit';
import { apiAs } from './reports-kit';

/** The default rules with a second manager (the accountant), so that two members may race for a card. */
function rulesWithTwoManagers(): string {
  const text = readFileSync('rules/radio-onboarding.yaml', 'utf8').replace('members: [manager] }', 'members: [manager, accountant] }');
  if (!text.includes('members: [manager, accountant] }')) throw new Error('the default rules no longer name the manager role as expected');
  const file = join(mkdtempSync(join(tmpdir(), 'gk-rules-')), 'rules.yaml');
  writeFileSync(file, text);
  return file;
}

describe('a card\'s history and «Беру»', () => {
  let e2e: E2E;
  let cardId: string;
  const history = (member: string, id = cardId) => apiAs(e2e, member).get(`/cards/${id}/history`);
  const take = (member: string, id = cardId) => apiAs(e2e, member).post(`/cards/${id}/take`);
  const person = (username: string) => ({ username, fullName: Object.values(e2e.board.members).find((m) => m.username === username)!.fullName });

  beforeAll(async () => {
    e2e = await startE2E('reports-take', { env: { RULES_FILE: rulesWithTwoManagers() } });
    cardId = await e2e.stationCard('Радио Кедр', {});
  });
  afterAll(() => e2e.close());

  it('shows the visits, the decisions newest first, and that it is the managers\' turn', async () => {
    const res = await history('manager');

    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-cache');
    expect(res.body.cardId).toBe(cardId);
    expect(res.body.visits).toEqual([{
      stage: 'Новая заявка', enteredAt: expect.any(String), leftAt: null, workingDays: expect.any(Number), suspension: false, responsible: null,
    }]);
    const audit = await e2e.audit(cardId);
    expect(res.body.decisions.map((d: { at: string }) => d.at)).toEqual(audit.map((a) => a.at));
    expect(res.body.decisions[0]).toMatchObject({ id: expect.stringMatching(/^\d+-\d+$/), cardId, cardName: 'Радио Кедр' });
    expect(res.body.turn).toEqual({ stage: 'Новая заявка', responsible: null, holders: [person('manager'), person('accountant')], canTake: true });

    expect((await history('engineer')).body.turn.canTake).toBe(false);
  });

  it('refuses «Беру» to a member outside the stage owner\'s role, naming the stage and the role', async () => {
    const res = await take('engineer');
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: 'not_stage_owner', message: expect.stringMatching(/«Новая заявка».*manager.*@engineer/) });
  });

  it('gives the card to the first manager who takes it, puts them on the card, and tells the second who was first', async () => {
    const first = await take('manager');
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ taken: true, stage: 'Новая заявка', responsible: person('manager') });
    expect(e2e.sim.card(cardId).idMembers).toEqual([e2e.board.members.manager.id]);
    expect(e2e.sim.actions({ type: 'addMemberToCard', cardId })).toHaveLength(1);

    const second = await take('accountant');
    expect(second.status).toBe(409);
    expect(second.body).toEqual({
      taken: false, stage: 'Новая заявка', responsible: person('manager'), message: `У карточки на этапе «Новая заявка» уже есть ответственный: ${person('manager').fullName} (@manager).`,
    });

    const again = await take('manager');
    expect(again.status).toBe(200);
    expect(again.body.taken).toBe(true);
    await e2e.settle();
    expect(e2e.sim.actions({ type: 'addMemberToCard', cardId })).toHaveLength(1);
  });

  it('shows the taker in the history, the turn and the summary', async () => {
    const res = await history('accountant');
    expect(res.body.visits[0].responsible).toEqual(person('manager'));
    expect(res.body.turn).toEqual({ stage: 'Новая заявка', responsible: person('manager'), holders: [person('manager')], canTake: false });

    const summary = await apiAs(e2e, 'director').get(`/boards/${e2e.board.boardId}/summary`);
    const card = summary.body.pipeline.flatMap((s: { cards: { cardId: string }[] }) => s.cards).find((c: { cardId: string }) => c.cardId === cardId);
    expect(card).toMatchObject({ responsible: person('manager'), holders: [person('manager')] });
  });

  it('lets a card be taken again in its next stage', async () => {
    e2e.sim.ui('manager').setPluginData(cardId, { station: { 'station.name': 'Радио Кедр', 'contact.phone': '+7 999 123-45-67' } });
    e2e.sim.ui('manager').moveCard(cardId, 'Сбор данных');
    await e2e.settle();

    const turn = (await history('accountant')).body.turn;
    expect(turn).toMatchObject({ stage: 'Сбор данных', responsible: null, canTake: true });
    const res = await take('accountant');
    expect(res.body).toEqual({ taken: true, stage: 'Сбор данных', responsible: person('accountant') });
    const visits = (await history('manager')).body.visits;
    expect(visits.map((v: { responsible: { username: string } | null }) => v.responsible?.username)).toEqual(['manager', 'accountant']);
  });

  it('refuses a card of another board (403) and one Trello does not have (404)', async () => {
    const other = e2e.sim.seedDemoBoard();
    const foreign = e2e.sim.ui('manager').createCard('Новая заявка', 'Чужая станция');
    expect(e2e.sim.card(foreign).idBoard).toBe(other.boardId);

    expect((await history('manager', foreign)).status).toBe(403);
    expect((await take('manager', foreign)).body.error).toBe('wrong_board');
    expect((await history('manager', 'f'.repeat(24))).status).toBe(404);
  });
});
