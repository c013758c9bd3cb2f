import { requestSweep } from '../../server/reconcile/reconcile-queue';
import type { SweepReport } from '../../server/reconcile/sweep-report';
import { stationUpTo } from '../stack/station-data';
import { startE2E, type E2E } from './e2e-kit';

describe('the reconciliation sweep', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E('reconcile');
  });
  afterAll(() => e2e.close());
  const ui = (who: string) => e2e.sim.ui(who);
  const sweep = async (): Promise<SweepReport> => {
    const report = await requestSweep({ connection: e2e.redis, prefix: e2e.env.REDIS_PREFIX, timeoutMs: 30_000 });
    await e2e.settle();
    return report;
  };
  const serviceComments = (cardId: string) => e2e.sim.comments(cardId).filter((c) => c.memberCreator === 'gatekeeper');

  describe('when Trello never delivered a refused move', () => {
    it('finds it, moves the card back and says the move was found by a check, naming the mover', async () => {
      const id = await e2e.stationCard('Радио Потеря', stationUpTo('review'), 'Договор и оплата');
      e2e.sim.loseDeliveries(() => true);
      ui('manager').moveCard(id, 'Подключение');
      await e2e.settle();
      e2e.sim.loseDeliveries(null);
      expect(e2e.sim.card(id).listName).toBe('Подключение');

      const report = await sweep();

      expect(e2e.sim.card(id).listName).toBe('Договор и оплата');
      const comment = serviceComments(id).at(-1)!.text;
      expect(comment).toContain('@manager');
      expect(comment).toContain('проверкой доски');
      const [entry] = (await e2e.audit(id)).filter((a) => a.verdict !== 'ignored');
      expect(entry).toMatchObject({ verdict: 'reverted', mover: 'manager', detectedBy: 'reconciliation', revertedTo: { name: 'Договор и оплата' } });
      expect(report.boards[0]).toMatchObject({ boardId: e2e.board.boardId, outOfPlace: 1, queued: 1 });
    });
  });

  describe('when Trello never delivered an allowed move', () => {
    it('accepts it: the stage entry is recorded and its owner told', async () => {
      const id = await e2e.stationCard('Радио Тишина', stationUpTo('contractSignedAndPaid'), 'Договор и оплата');
      e2e.sim.loseDeliveries(() => true);
      ui('director').moveCard(id, 'Подключение');
      await e2e.settle();
      e2e.sim.loseDeliveries(null);

      await sweep();

      expect(e2e.sim.card(id).listName).toBe('Подключение');
      expect(await e2e.stages(id)).toEqual(['Новая заявка', 'Договор и оплата', 'Подключение']);
      expect(serviceComments(id).at(-1)!.text).toContain('@engineer');
      expect((await e2e.audit(id))[0]).toMatchObject({ verdict: 'accepted', mover: 'director', detectedBy: 'reconciliation' });
    });
  });

  describe('when the process making a «Следующий этап» move died after moving the card', () => {
    it('finishes the move: stage recorded, owner told, audited as accepted for the member who clicked', async () => {
      const id = await e2e.stationCard('Радио Кнопка', stationUpTo('contractSignedAndPaid'), 'Договор и оплата');
      const auth = `key=${e2e.board.key}&token=${e2e.board.members.gatekeeper.token}`;
      const lists = (await (await fetch(`${e2e.sim.url}/1/boards/${e2e.board.boardId}/lists?${auth}`)).json()) as { id: string; name: string }[];
      const listRef = (name: string) => lists.find((l) => l.name === name)!;
      const target = listRef('Подключение');
      // What the API writes before it moves the card, made long ago: that request is surely dead.
      const director = e2e.board.members.director;
      const event = {
        actionId: 'powerup-0123456789abcdef01234567', kind: 'move', date: '2026-11-27T09:00:00.000Z', boardId: e2e.board.boardId,
        cardId: id, cardName: 'Радио Кнопка', fromList: listRef('Договор и оплата'), toList: target, mover: { id: director.id, username: director.username, fullName: 'Director' },
      };
      await e2e.redis.set(`${e2e.env.REDIS_PREFIX}:card:${id}:advancing`, JSON.stringify({ event, stage: 'Подключение', since: '2026-11-27T09:00:00.000Z' }));
      await e2e.redis.sadd(`${e2e.env.REDIS_PREFIX}:pending:advancing`, id);
      await fetch(`${e2e.sim.url}/1/cards/${id}?idList=${target.id}&${auth}`, { method: 'PUT' });
      await e2e.settle();

      const report = await sweep();

      expect(report.boards[0]).toMatchObject({ advancesFinished: 1, queued: 0 });
      expect(e2e.sim.card(id).listName).toBe('Подключение');
      expect(await e2e.stages(id)).toEqual(['Новая заявка', 'Договор и оплата', 'Подключение']);
      expect(serviceComments(id).at(-1)!.text).toContain('@engineer');
      expect((await e2e.audit(id)).find((a) => a.actionId === event.actionId)).toMatchObject({ verdict: 'accepted', mover: 'director' });
      expect(await e2e.redis.exists(`${e2e.env.REDIS_PREFIX}:card:${id}:advancing`)).toBe(0);
    });
  });

  describe('when every card is where it was accepted', () => {
    it('reads the board once and changes nothing', async () => {
      await e2e.settle();
      e2e.sim.resetLogs();
      const report = await sweep();
      const reads = e2e.serviceRequests().map((r) => `${r.method} ${r.path}`);
      expect(reads).toEqual([expect.stringMatching(/^GET \/1\/tokens\/.+\/webhooks$/), `GET /1/boards/${e2e.board.boardId}/cards`]);
      expect(report.boards[0]).toMatchObject({ outOfPlace: 0, queued: 0 });
    });

    it('a second sweep after a repair finds nothing new', async () => {
      const report = await sweep();
      expect(report.boards[0]).toMatchObject({ outOfPlace: 0, queued: 0, revertsResumed: 0, advancesFinished: 0 });
    });
  });

  describe('GET /status', () => {
    it('shows per board the last valid delivery, the webhook and the last sweep, and Redis persistence', async () => {
      await sweep();
      const res = await fetch(`${e2e.service.url}/status`);
      expect(res.status).toBe(200);
      const status = (await res.json()) as Record<string, unknown>;
      expect(status).toMatchObject({
        role: 'all',
        boards: [{
          boardId: e2e.board.boardId,
          lastValidDelivery: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          webhook: { boardId: e2e.board.boardId, status: 'ok' },
          lastSweep: { boardId: e2e.board.boardId, outOfPlace: 0 },
        }],
        lastSweepAt: expect.any(String),
        signatureFailuresSinceStart: 0,
        // The shared test Redis keeps nothing on disk; the stack starts with ACCEPT_REDIS_DATA_LOSS.
        redis: { persistent: false, evictionPolicy: 'noeviction' },
        deadLetters: { events: 0, deadlines: 0, notifications: 0 },
      });
    });
  });

  describe("when Trello deleted the board's webhook", () => {
    it('registers it again and reports the repair', async () => {
      const [hook] = e2e.sim.webhooks();
      const deleted = await fetch(`${e2e.sim.url}/1/webhooks/${hook!.id}?key=${e2e.board.key}&token=${e2e.board.members.gatekeeper.token}`, { method: 'DELETE' });
      expect([deleted.status, await deleted.text()]).toEqual([200, '{"_value":null}']);
      expect(e2e.sim.webhooks()).toHaveLength(0);

      const report = await sweep();

      expect(report.webhooks).toEqual([expect.objectContaining({ boardId: e2e.board.boardId, status: 're-registered' })]);
      expect(e2e.sim.webhooks()).toEqual([expect.objectContaining({ idModel: e2e.board.boardId, callbackURL: `${e2e.env.PUBLIC_URL}/webhooks/trello`, active: true })]);
      // Deliveries flow again: a refused move is reverted by its webhook.
      const id = await e2e.stationCard('Радио Возврат', stationUpTo('basics'), 'Сбор данных');
      ui('manager').moveCard(id, 'Подключение');
      await e2e.settle();
      expect(e2e.sim.card(id).listName).toBe('Сбор данных');
    });
  });

  describe('when Trello disabled the webhook', () => {
    it('turns it back on', async () => {
      const [hook] = e2e.sim.webhooks();
      await fetch(`${e2e.sim.url}/1/webhooks/${hook!.id}?active=false&key=${e2e.board.key}&token=${e2e.board.members.gatekeeper.token}`, { method: 'PUT' });
      const report = await sweep();
      expect(report.webhooks[0]).toMatchObject({ status: 're-enabled' });
      expect(e2e.sim.webhooks()[0]).toMatchObject({ active: true });
    });
  });
});
