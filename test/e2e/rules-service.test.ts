import request from 'supertest';
import { signTrelloPayload } from '../../server/http/verify-trello-signature';
import { STACK_APP_SECRET } from '../stack/start-stack';
import { stationUpTo } from '../stack/station-data';
import { startE2E, type E2E } from './e2e-kit';

describe('the rules service on the Trello simulator', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E('rules-service');
  });
  afterAll(() => e2e.close());
  const ui = (who: string) => e2e.sim.ui(who);
  const listOf = (cardId: string) => e2e.sim.card(cardId).listName;
  const serviceComments = (cardId: string) => e2e.sim.comments(cardId).filter((c) => c.memberCreator === 'gatekeeper');

  describe('when a manager drags a card into «Подключение» before the contract is signed', () => {
    it('moves the card back and tells the mover every reason', async () => {
      const id = await e2e.stationCard('Радио Ромашка', stationUpTo('review'), 'Договор и оплата');
      ui('manager').moveCard(id, 'Подключение');
      await e2e.settle();

      expect(listOf(id)).toBe('Договор и оплата');
      const comment = serviceComments(id).at(-1)!.text;
      expect(comment).toContain('@manager');
      expect(comment).toContain('возвращена в «Договор и оплата»');
      for (const missing of ['Номер договора', 'Дата договора', 'Договор подписан', 'Первый платёж получен']) {
        expect(comment).toContain(missing);
      }
      // Whom to ask, by the full name the board gives (the username made inert: the director is not notified).
      expect(comment.split('\n')).toContain('• переместить в «Подключение» может только директор (Ирина Директорова, @\u200Ddirector)');
      const [latest] = (await e2e.audit(id)).filter((a) => a.verdict !== 'ignored');
      expect(latest).toMatchObject({ verdict: 'reverted', mover: 'manager', to: { name: 'Подключение' }, revertedTo: { name: 'Договор и оплата' } });
      expect(latest!.failures.map((f) => f.code)).toEqual(expect.arrayContaining(['field_missing', 'role_not_allowed']));
      // The audit keeps the rules' words, so the reports count one reason whoever the board names.
      expect(latest!.failures).toContainEqual(expect.objectContaining({ ru: 'переместить в «Подключение» может только директор (@director)' }));
    });
  });

  describe('when the director moves a ready card into «Подключение»', () => {
    it('keeps the move, records the stage entry and mentions the engineer', async () => {
      const id = await e2e.stationCard('Радио Лютик', stationUpTo('contractSignedAndPaid'), 'Договор и оплата');
      ui('director').moveCard(id, 'Подключение');
      await e2e.settle();

      expect(listOf(id)).toBe('Подключение');
      expect(serviceComments(id).at(-1)!.text).toMatch(/^@engineer, станция «Радио Лютик» перешла в «Подключение» — ваш этап/);
      expect(await e2e.stages(id)).toEqual(['Новая заявка', 'Договор и оплата', 'Подключение']);
      expect((await e2e.audit(id))[0]).toMatchObject({ verdict: 'accepted', mover: 'director' });
    });
  });

  describe('when a card enters a stage that brings a checklist', () => {
    it('adds the checklist once', async () => {
      const id = await e2e.stationCard('Радио Василёк', stationUpTo('live'), 'Подключение');
      ui('engineer').moveCard(id, 'Выдача доступов');
      await e2e.settle();
      const checklists = e2e.sim.card(id).checklists;
      expect(checklists.map((c) => c.name)).toEqual(['Запуск']);
      expect(checklists[0]!.checkItems.map((i) => i.name)).toEqual(['Потоки добавлены', 'Опции включены', 'Воспроизведение проверено', 'Доступы отправлены клиенту']);
    });

    it("lists the checklist's unticked items in the arrival comment, not that the card lacks it", async () => {
      const id = await e2e.stationCard('Радио Ландыш', stationUpTo('live'), 'Подключение');
      ui('engineer').moveCard(id, 'Выдача доступов');
      await e2e.settle();
      expect(serviceComments(id).at(-1)!.text).toBe([
        '@engineer, станция «Радио Ландыш» перешла в «Выдача доступов» — ваш этап. Кто переместил: Евгений Инженеров (@engineer).',
        'Чтобы перейти в «Регистрация в учёте»:',
        '• не отмечен пункт «Потоки добавлены» чек-листа «Запуск»',
        '• не отмечен пункт «Опции включены» чек-листа «Запуск»',
        '• не отмечен пункт «Воспроизведение проверено» чек-листа «Запуск»',
        '• не отмечен пункт «Доступы отправлены клиенту» чек-листа «Запуск»',
      ].join('\n'));
    });
  });

  describe("when the service's own revert comes back as a webhook", () => {
    it('ignores it, so a revert never loops', async () => {
      const id = await e2e.stationCard('Радио Мак', stationUpTo('basics'), 'Сбор данных');
      e2e.sim.resetLogs();
      ui('manager').moveCard(id, 'Техническая экспертиза');
      await e2e.settle();

      expect(listOf(id)).toBe('Сбор данных');
      expect(e2e.serviceRequests('PUT')).toHaveLength(1);
      const audit = await e2e.audit(id);
      expect(audit[0]).toMatchObject({ verdict: 'ignored', reason: 'own-action', mover: 'gatekeeper' });
      expect(audit[1]).toMatchObject({ verdict: 'reverted' });
    });
  });

  describe('when Trello delivers the same action twice', () => {
    it('judges it once', async () => {
      const id = await e2e.stationCard('Радио Одуванчик', stationUpTo('basics'), 'Сбор данных');
      ui('manager').moveCard(id, 'Подключение');
      await e2e.settle();
      const action = e2e.sim.actions({ type: 'updateCard', cardId: id }).find((a) => a.idMemberCreator === e2e.board.members.manager.id && (a.data as { listAfter?: { name: string } }).listAfter?.name === 'Подключение')!;
      const raw = JSON.stringify({ model: { id: e2e.board.boardId }, action });
      const signature = signTrelloPayload(Buffer.from(raw), `${e2e.env.PUBLIC_URL}/webhooks/trello`, STACK_APP_SECRET);
      for (let i = 0; i < 2; i++) {
        const res = await request(e2e.service.url).post('/webhooks/trello').set('Content-Type', 'application/json').set('X-Trello-Webhook', signature).send(raw);
        expect(res.status).toBe(200);
      }
      await e2e.settle();

      expect((await e2e.audit(id)).filter((a) => a.actionId === action.id)).toHaveLength(1);
      expect(e2e.serviceRequests('PUT').filter((r) => r.path.includes(id))).toHaveLength(1);
    });
  });

  describe('when a delivery arrives after a later move of the same card was judged', () => {
    it('ignores it as overtaken: the board it describes is gone', async () => {
      const id = await e2e.stationCard('Радио Опоздание', stationUpTo('contractSignedAndPaid'), 'Договор и оплата');
      const earlier = e2e.sim.actions({ type: 'updateCard', cardId: id }).at(-1)!;
      ui('director').moveCard(id, 'Подключение');
      await e2e.settle();
      // The same kind of move, dated before the director's: as if its delivery had waited out a back-off.
      const late = { ...earlier, id: 'f'.repeat(24), date: new Date(Date.parse(earlier.date) - 1).toISOString(),
        data: { ...earlier.data, listBefore: (earlier.data as { listAfter: unknown }).listAfter, listAfter: { id: e2e.sim.card(id).idList, name: 'Подключение' } },
        idMemberCreator: e2e.board.members.manager.id };
      const raw = JSON.stringify({ model: { id: e2e.board.boardId }, action: late });
      const signature = signTrelloPayload(Buffer.from(raw), `${e2e.env.PUBLIC_URL}/webhooks/trello`, STACK_APP_SECRET);
      await request(e2e.service.url).post('/webhooks/trello').set('Content-Type', 'application/json').set('X-Trello-Webhook', signature).send(raw).expect(200);
      await e2e.settle();

      expect(listOf(id)).toBe('Подключение');
      expect((await e2e.audit(id))[0]).toMatchObject({ actionId: late.id, verdict: 'ignored', reason: 'superseded' });
      expect(serviceComments(id).filter((c) => c.text.includes('нельзя было переместить'))).toEqual([]);
    });
  });

  describe('when a card is moved twice within a second', () => {
    it('ends in the last stage it was accepted in after two refused moves', async () => {
      const id = await e2e.stationCard('Радио Ирис', stationUpTo('review'), 'Договор и оплата');
      ui('manager').moveCard(id, 'Подключение');
      ui('manager').moveCard(id, 'Выдача доступов');
      await e2e.settle();
      expect(listOf(id)).toBe('Договор и оплата');
    });

    it('keeps the second move when it is allowed', async () => {
      const id = await e2e.stationCard('Радио Тюльпан', stationUpTo('review'), 'Договор и оплата');
      ui('manager').moveCard(id, 'Подключение');
      ui('manager').moveCard(id, 'Техническая экспертиза');
      await e2e.settle();
      expect(listOf(id)).toBe('Техническая экспертиза');
      expect((await e2e.stages(id)).at(-1)).toBe('Техническая экспертиза');
    });
  });

  describe('when a card is created straight into a gated list', () => {
    it('moves it to the first stage and says why', async () => {
      const id = ui('manager').createCard('Подключение', 'Радио Сирень');
      await e2e.settle();
      expect(listOf(id)).toBe('Новая заявка');
      expect(serviceComments(id).at(-1)!.text).toContain('Название станции');
    });
  });

  describe('when Trello answers 429 and then 200', () => {
    it('still lands the revert', async () => {
      const id = await e2e.stationCard('Радио Пион', stationUpTo('basics'), 'Сбор данных');
      e2e.sim.resetLogs();
      e2e.sim.failNext({ method: 'PUT', path: /^\/1\/cards\/[0-9a-f]{24}$/, status: 429, body: { error: 'API_TOKEN_LIMIT_EXCEEDED', message: 'Rate limit exceeded' }, times: 2 });
      ui('manager').moveCard(id, 'Техническая экспертиза');
      await e2e.settle();

      expect(listOf(id)).toBe('Сбор данных');
      expect(e2e.serviceRequests('PUT').map((r) => r.status)).toEqual([429, 429, 200]);
    });
  });

  it('reads the card once per judged move', async () => {
    const id = await e2e.stationCard('Радио Астра', stationUpTo('basics'));
    e2e.sim.resetLogs();
    ui('manager').moveCard(id, 'Сбор данных');
    await e2e.settle();
    expect(e2e.serviceRequests('GET').map((r) => r.path)).toEqual([`/1/cards/${id}`]);
  });
});
