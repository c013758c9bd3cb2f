import { startTcpProxy } from '../helpers/tcp-proxy';
import { recordedLog } from '../helpers/recorded-log';
import { until } from '../helpers/until';
import { stationUpTo } from '../stack/station-data';
import { startE2E } from './e2e-kit';

describe('with three worker processes on one board', () => {
  it('judges each card’s events in order: every card ends where the rules say', async () => {
    const e2e = await startE2E('many-workers');
    try {
      await e2e.addWorker();
      await e2e.addWorker();
      const ids = await Promise.all(
        Array.from({ length: 8 }, (_, n) => e2e.stationCard(`Радио №${n}`, stationUpTo('review'), 'Договор и оплата')),
      );
      for (const id of ids) {
        e2e.sim.ui('manager').moveCard(id, 'Подключение'); // refused: the director's gate
        e2e.sim.ui('manager').moveCard(id, 'Выдача доступов'); // refused: passes over it
        e2e.sim.ui('manager').moveCard(id, 'Сбор данных'); // allowed: backwards
      }
      await e2e.settle();
      for (const id of ids) {
        expect(e2e.sim.card(id).listName).toBe('Сбор данных');
        const judged = (await e2e.audit(id)).reverse().filter((a) => a.mover === 'manager' && a.from !== null).map((a) => `${a.to.name}:${a.verdict}`);
        // Judged in the order the moves happened; the first two found the card already moved on.
        expect(judged).toEqual(['Подключение:ignored', 'Выдача доступов:ignored', 'Сбор данных:accepted']);
      }
    } finally {
      await e2e.close();
    }
  });
});

describe('when a manager drags a ready card twice in quick succession past the director’s gate', () => {
  it('judges the second drag from where the card was last accepted, so the gate still applies', async () => {
    const e2e = await startE2E('double-drag');
    try {
      const id = await e2e.stationCard('Радио Спешка', { ...stationUpTo('live') }, 'Договор и оплата');
      e2e.sim.ui('manager').moveCard(id, 'Подключение'); // refused: only the director
      e2e.sim.ui('manager').moveCard(id, 'Выдача доступов'); // from «Подключение» on Trello, but never accepted there
      await e2e.settle();

      expect(e2e.sim.card(id).listName).toBe('Договор и оплата');
      const [last] = (await e2e.audit(id)).filter((a) => a.mover === 'manager' && a.verdict !== 'ignored');
      expect(last).toMatchObject({ verdict: 'reverted', to: { name: 'Выдача доступов' }, revertedTo: { name: 'Договор и оплата' } });
      expect(last!.failures.map((f) => f.code)).toContain('role_not_allowed');
    } finally {
      await e2e.close();
    }
  });
});

describe('when Trello cannot list the board’s members', () => {
  it('still reverts a move only the director may make, and names the director by username', async () => {
    const { log, lines } = recordedLog();
    const e2e = await startE2E('no-member-names', { log });
    try {
      const id = await e2e.stationCard('Радио Мак', stationUpTo('review'), 'Договор и оплата');
      e2e.sim.failNext({ method: 'GET', path: /^\/1\/boards\/[0-9a-f]{24}\/members$/, status: 500, body: { message: 'boom' }, times: 10 });
      e2e.sim.ui('manager').moveCard(id, 'Подключение'); // refused: only the director
      await e2e.settle();

      expect(e2e.sim.card(id).listName).toBe('Договор и оплата');
      const comment = e2e.sim.comments(id).filter((c) => c.memberCreator === 'gatekeeper').at(-1)!.text;
      expect(comment.split('\n')).toContain('• переместить в «Подключение» может только директор (@\u200Ddirector)');
      expect((await e2e.audit(id)).filter((a) => a.to.name === 'Подключение')).toEqual([expect.objectContaining({ verdict: 'reverted', mover: 'manager' })]);
      expect(lines.filter((line) => line.level === 'warn' && line.msg === 'board members could not be read: messages name usernames only')).toHaveLength(1);
    } finally {
      await e2e.close();
    }
  });
});

describe('when the board’s members are read for a refusal’s comment', () => {
  it('the card is already back when they are read: the names delay only the comment', async () => {
    const e2e = await startE2E('names-after-revert');
    try {
      const id = await e2e.stationCard('Радио Возврат', stationUpTo('review'), 'Договор и оплата');
      // The members' read is the first this process makes (the cache is empty): where is the card then?
      let listWhenNamesRead = '';
      e2e.sim.onRequest({
        method: 'GET', path: /^\/1\/boards\/[0-9a-f]{24}\/members$/, when: 'before', times: 1,
        run: () => void (listWhenNamesRead = e2e.sim.card(id).listName),
      });
      e2e.sim.ui('manager').moveCard(id, 'Подключение'); // refused: only the director
      await e2e.settle();

      expect(listWhenNamesRead).toBe('Договор и оплата');
      expect(e2e.sim.card(id).listName).toBe('Договор и оплата');
      const refused = e2e.sim.actions({ type: 'updateCard', cardId: id }).find((a) => (a.data['listAfter'] as { name?: string }).name === 'Подключение')!;
      expect((await e2e.audit(id)).find((a) => a.actionId === refused.id)).toMatchObject({ verdict: 'reverted' });
      const comments = e2e.sim.comments(id).filter((c) => c.text.includes('нельзя было переместить'));
      expect(comments).toHaveLength(1);
      expect(comments[0]!.text).toContain('Ирина Директорова');
    } finally {
      await e2e.close();
    }
  });
});

describe('when Redis goes away while a move is delivered', () => {
  it('answers 503, Trello delivers again, and the move is still judged', async () => {
    const proxy = await startTcpProxy();
    const e2e = await startE2E('redis-away', { redisUrl: proxy.url, simulator: { deliveryRetryDelaysMs: [500, 1000, 2000] } });
    try {
      const id = await e2e.stationCard('Радио Гвоздика', stationUpTo('basics'), 'Сбор данных');
      await proxy.cut();
      e2e.sim.ui('manager').moveCard(id, 'Техническая экспертиза');
      await until('a delivery is answered 503', () => e2e.sim.deliveries.some((d) => d.status === 503));
      await proxy.restore();
      await e2e.settle();

      expect(e2e.sim.card(id).listName).toBe('Сбор данных');
      const attempts = e2e.sim.deliveries.filter((d) => d.actionType === 'updateCard' && d.status !== undefined);
      expect(attempts.map((d) => d.status)).toContain(503);
      expect((await e2e.audit(id))[1]).toMatchObject({ verdict: 'reverted', mover: 'manager' });
    } finally {
      await e2e.close();
      await proxy.close();
    }
  });
});

describe('in dry-run mode', () => {
  it('judges and records the move but leaves the board as it is', async () => {
    const { log, lines } = recordedLog();
    const e2e = await startE2E('dry-run', { env: { DRY_RUN: 'true' }, log });
    try {
      const id = await e2e.stationCard('Радио Лилия', stationUpTo('basics'), 'Сбор данных');
      e2e.sim.resetLogs();
      e2e.sim.ui('manager').moveCard(id, 'Подключение');
      await e2e.settle();

      expect(e2e.sim.card(id).listName).toBe('Подключение');
      expect(e2e.serviceRequests().filter((r) => r.method !== 'GET')).toEqual([]);
      expect((await e2e.audit(id))[0]).toMatchObject({ verdict: 'reverted', dryRun: true, revertedTo: { name: 'Сбор данных' } });
      // The log says the revert was only a would-be one, so nobody reading it looks for it on the board.
      expect(lines.filter((line) => line.msg === 'card event judged' && line['verdict'] === 'reverted')).toEqual([
        expect.objectContaining({ verdict: 'reverted', dryRun: true }),
      ]);
    } finally {
      await e2e.close();
    }
  });
});
