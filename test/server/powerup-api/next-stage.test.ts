import { Queue } from 'bullmq';
import request from 'supertest';
import { DEADLINES_QUEUE } from '../../../server/deadlines/deadline-job';
import { createWatchedBoards } from '../../../server/store/watched-boards';
import { startE2E, type E2E } from '../../e2e/e2e-kit';
import { stationUpTo } from '../../stack/station-data';

/** Another board this deployment watches: its tokens pass the API, but not for this board's cards. */
const OTHER_BOARD = 'b'.repeat(24);

describe('POST /api/cards/:cardId/next-stage', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E('powerup-next-stage');
    await createWatchedBoards({ redis: e2e.redis, prefix: e2e.env.REDIS_PREFIX }).add(OTHER_BOARD);
  });
  afterAll(() => e2e.close());
  const nextStage = (cardId: string, token: string) =>
    request(e2e.service.url).post(`/api/cards/${cardId}/next-stage`).set('Authorization', `Bearer ${token}`);
  const listOf = (cardId: string) => e2e.sim.card(cardId).listName;

  describe('when the director asks to move a ready card on', () => {
    it('moves it and records the move as if the director had dragged it', async () => {
      const id = await e2e.stationCard('Радио Лютик', stationUpTo('contractSignedAndPaid'), 'Договор и оплата');
      e2e.sim.resetLogs();

      const res = await nextStage(id, e2e.powerUpJwt('director'));
      await e2e.settle();

      expect(res.status).toBe(200);
      expect(res.body).toEqual({ moved: true, from: 'Договор и оплата', to: 'Подключение' });
      expect(listOf(id)).toBe('Подключение');
      expect(await e2e.stages(id)).toEqual(['Новая заявка', 'Договор и оплата', 'Подключение']);
      const comment = e2e.sim.comments(id).filter((c) => c.memberCreator === 'gatekeeper').at(-1)!.text;
      expect(comment).toMatch(/^@engineer, станция «Радио Лютик» перешла в «Подключение» — ваш этап\. Кто переместил: Ирина Директорова \(@director\)/);
      const audit = await e2e.audit(id);
      expect(audit).toContainEqual(expect.objectContaining({
        actionId: expect.stringMatching(/^powerup-[0-9a-f]{24}$/), verdict: 'accepted', reason: 'forward', mover: 'director',
        from: { id: e2e.board.lists['Договор и оплата'], name: 'Договор и оплата' }, to: { id: e2e.board.lists['Подключение'], name: 'Подключение' },
      }));
      // Trello's echo of the service's own move: judged as its own action, so never reverted.
      expect(audit).toContainEqual(expect.objectContaining({ verdict: 'ignored', reason: 'own-action', mover: 'gatekeeper' }));
      expect(audit.filter((a) => a.verdict === 'reverted')).toEqual([]);
      expect(e2e.serviceRequests('PUT')).toHaveLength(1);
      const metrics = await request(e2e.service.url).get('/metrics');
      expect(metrics.text).toMatch(/^gatekeeper_moves_judged_total\{verdict="accepted",source="powerup"\} 1$/m);
    });

    it("starts the new stage's clock, as a dragged card's", async () => {
      const id = await e2e.stationCard('Радио Клевер', stationUpTo('contractSignedAndPaid'), 'Договор и оплата');
      const res = await nextStage(id, e2e.powerUpJwt('director'));
      await e2e.settle();
      expect(res.status).toBe(200);

      const queue = new Queue(DEADLINES_QUEUE, { connection: e2e.redis, prefix: e2e.env.REDIS_PREFIX });
      const pending = (await queue.getDelayed()).filter((job) => job.data.cardId === id);
      await queue.close();
      expect(pending.map((job) => `${job.data.kind}:${job.data.stage}`).sort()).toEqual(['deadline:Подключение', 'escalation:Подключение']);
    });

    it('shows the card in its new stage at once, though board statuses are cached', async () => {
      const id = await e2e.stationCard('Радио Пион', stationUpTo('basics'));
      const token = e2e.powerUpJwt('director');
      const statusOf = async () =>
        (await request(e2e.service.url).get(`/api/boards/${e2e.board.boardId}/cards/status`).set('Authorization', `Bearer ${token}`)).body.cards[id];
      expect((await statusOf()).stage).toBe('Новая заявка');

      expect((await nextStage(id, token)).status).toBe(200);

      expect(await statusOf()).toMatchObject({ listId: e2e.board.lists['Сбор данных'], stage: 'Сбор данных', time: { state: 'ok' } });
    });
  });

  describe('when a manager asks to move a ready card into a stage only the director may fill', () => {
    it('refuses with the role failure, naming the director in full, and moves nothing', async () => {
      const id = await e2e.stationCard('Радио Ирис', stationUpTo('contractSignedAndPaid'), 'Договор и оплата');
      e2e.sim.resetLogs();

      const res = await nextStage(id, e2e.powerUpJwt('manager'));

      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ moved: false, to: 'Подключение', error: 'gate_closed' });
      expect(res.body.failures.map((f: { code: string }) => f.code)).toEqual(['role_not_allowed']);
      expect(res.body.failures[0]).toMatchObject({
        stage: 'Подключение',
        ru: 'переместить в «Подключение» может только директор (Ирина Директорова, @director)',
        en: 'only director (Ирина Директорова, @director) may move cards into "Подключение"',
      });
      expect(listOf(id)).toBe('Договор и оплата');
      expect(e2e.serviceRequests('PUT')).toEqual([]);
    });
  });

  describe('when the card is not ready for its next stage', () => {
    it('refuses and lists every missing field', async () => {
      const id = await e2e.stationCard('Радио Астра', stationUpTo('review'), 'Договор и оплата');

      const res = await nextStage(id, e2e.powerUpJwt('director'));

      expect(res.status).toBe(409);
      const missing = res.body.failures.map((f: { code: string; facts: { field?: string } }) => `${f.code} ${f.facts.field}`);
      expect(missing).toEqual(expect.arrayContaining(['field_missing contract.number', 'field_missing contract.date']));
      expect(res.body.failures.map((f: { code: string }) => f.code)).not.toContain('role_not_allowed');
      expect(listOf(id)).toBe('Договор и оплата');
    });
  });

  describe('when the director clicks through the whole process', () => {
    it('moves the card stage by stage, adds each stage checklist, and says when there is no next stage', async () => {
      const id = await e2e.stationCard('Радио Ромашка', stationUpTo('live'));
      const token = e2e.powerUpJwt('director');
      const reached: string[] = [];
      for (let click = 0; click < 7; click += 1) {
        for (const checklist of e2e.sim.card(id).checklists) {
          for (const item of checklist.checkItems) e2e.sim.ui('engineer').checkItem(id, checklist.name, item.name);
        }
        const res = await nextStage(id, token);
        expect(res.status).toBe(200);
        reached.push(res.body.to);
      }
      await e2e.settle();

      expect(reached).toEqual(['Сбор данных', 'Техническая экспертиза', 'Договор и оплата', 'Подключение', 'Выдача доступов', 'Регистрация в учёте', 'Активный клиент']);
      expect(e2e.sim.card(id).checklists.map((c) => c.name)).toEqual(['Запуск', 'Регистрация клиента']);
      expect(await e2e.stages(id)).toEqual(['Новая заявка', ...reached]);
      const last = await nextStage(id, token);
      expect(last.status).toBe(409);
      expect(last.body).toEqual({ moved: false, to: null, failures: [], error: 'no_next_stage', message: '«Активный клиент» has no next stage in the process' });
    });
  });

  describe('when the request is not for this board or not from one of its members', () => {
    it('refuses a token from another board, someone not on the board, and a card that does not exist', async () => {
      const id = await e2e.stationCard('Радио Мак', stationUpTo('basics'));

      const otherBoard = await nextStage(id, e2e.powerUpJwt('director', { idBoard: OTHER_BOARD }));
      const stranger = await nextStage(id, e2e.sim.mintPowerUpJwt({ idMember: 'c'.repeat(24), idBoard: e2e.board.boardId }));
      const noCard = await nextStage('d'.repeat(24), e2e.powerUpJwt('director'));

      expect([otherBoard.status, otherBoard.body]).toEqual([401, { error: 'unauthorized', message: 'token is for another board' }]);
      expect([stranger.status, stranger.body.error]).toEqual([403, 'not_a_member']);
      expect([noCard.status, noCard.body.error]).toEqual([404, 'not_found']);
      expect(listOf(id)).toBe('Новая заявка');
    });
  });

  describe('when the card id is not a Trello id', () => {
    it.each(['abc', 'D'.repeat(24), `${'d'.repeat(24)}0`, '%2e%2e'])('answers 400 for %p without asking Trello', async (cardId) => {
      e2e.sim.resetLogs();
      const res = await nextStage(cardId, e2e.powerUpJwt('director'));
      expect([res.status, res.body]).toEqual([400, { error: 'bad_card_id', message: 'a card id is 24 hexadecimal digits, as Trello makes them' }]);
      expect(e2e.serviceRequests()).toEqual([]);
    });
  });

  describe('when the stored station data carries a "__proto__" key', () => {
    it('judges the contract unsigned and unpaid: the key grants nothing', async () => {
      const drafted = JSON.stringify(stationUpTo('contractDrafted'));
      const station = JSON.parse(`{"__proto__":{"contract.signed":true,"payment.received":true},${drafted.slice(1)}`) as Record<string, unknown>;
      const id = await e2e.stationCard('Радио Прото', station, 'Договор и оплата');

      const res = await nextStage(id, e2e.powerUpJwt('director'));

      expect([res.status, res.body.error]).toEqual([409, 'gate_closed']);
      expect(res.body.failures.map((f: { code: string; facts: { field?: string } }) => `${f.code} ${f.facts.field}`)).toEqual([
        'field_not_true contract.signed',
        'field_not_true payment.received',
      ]);
      expect(listOf(id)).toBe('Договор и оплата');
    });
  });

  describe('when the same card is asked to move twice at once (a double click)', () => {
    it('moves it one stage, not two', async () => {
      const id = await e2e.stationCard('Радио Вереск', stationUpTo('streams'));
      const token = e2e.powerUpJwt('director');

      const [first, second] = await Promise.all([nextStage(id, token), nextStage(id, token)]);

      expect([first.status, second.status].sort()).toEqual([200, 409]);
      expect([first.body.error, second.body.error]).toContain('busy');
      expect(listOf(id)).toBe('Сбор данных');
    });
  });
});
