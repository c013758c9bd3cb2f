import { readDeadJobs, deadJobsKey } from '../../server/queue/dead-jobs';
import { MAX_STALLS } from '../../server/queue/worker-options';
import { requestSweep } from '../../server/reconcile/reconcile-queue';
import { startProcessStack, type ProcessStack } from '../chaos/process-stack';
import { until } from '../helpers/until';
import { TEST_REDIS_URL, uniquePrefix } from '../helpers/redis';
import { stationUpTo } from '../stack/station-data';

// Each kill costs a worker start (a few seconds under tsx) and a lock expiry.
jest.setTimeout(180_000);

describe('when the worker is killed in the middle of a revert', () => {
  let stack: ProcessStack;
  beforeAll(async () => {
    stack = await startProcessStack({ redisUrl: TEST_REDIS_URL, prefix: uniquePrefix('crash') });
  });
  afterAll(() => stack.close({ deleteKeys: true }));

  /** A card in «Сбор данных» with the basics only: a move into «Подключение» is refused. */
  async function cardReadyToBeRefused(name: string): Promise<string> {
    const id = stack.sim.ui('manager').createCard('Новая заявка', name);
    stack.sim.ui('manager').setPluginData(id, { station: stationUpTo('basics') });
    stack.sim.ui('director').moveCard(id, 'Сбор данных');
    await stack.settle();
    return id;
  }

  /** Kills the worker at the hook and starts it again, as a supervisor would. */
  function crashWorkerOn(hook: { method: string; path: RegExp; when: 'before' | 'after'; times: number }) {
    return stack.sim.onRequest({ ...hook, run: () => void stack.worker.kill().then(() => stack.worker.start()) });
  }

  const revertComments = (id: string) =>
    stack.sim.comments(id).filter((c) => c.memberCreator === 'gatekeeper' && c.text.includes('нельзя было переместить'));
  const decisions = async (id: string) => (await stack.audit(id)).filter((a) => a.verdict !== 'ignored' && a.to.name === 'Подключение');

  it('judges and reverts the move even after three crashes right after reading the card', async () => {
    const id = await cardReadyToBeRefused('Радио Три Падения');
    const kills = stack.worker.kills;
    crashWorkerOn({ method: 'GET', path: new RegExp(`^/1/cards/${id}$`), when: 'before', times: 3 });
    stack.sim.ui('manager').moveCard(id, 'Подключение');
    await stack.settle();

    expect(stack.worker.kills - kills).toBe(3);
    expect(stack.sim.card(id).listName).toBe('Сбор данных');
    expect(revertComments(id)).toHaveLength(1);
    expect(await decisions(id)).toEqual([expect.objectContaining({ verdict: 'reverted', revertedTo: expect.objectContaining({ name: 'Сбор данных' }) })]);
  });

  it('finishes the revert when killed between the move back and the comment: one comment, audited as reverted', async () => {
    const id = await cardReadyToBeRefused('Радио Полпути');
    crashWorkerOn({ method: 'PUT', path: new RegExp(`^/1/cards/${id}$`), when: 'after', times: 1 });
    stack.sim.ui('manager').moveCard(id, 'Подключение');
    await stack.settle();

    expect(stack.sim.card(id).listName).toBe('Сбор данных');
    expect(revertComments(id)).toHaveLength(1);
    expect(await decisions(id)).toEqual([expect.objectContaining({ verdict: 'reverted' })]);
    expect(await stack.redis.exists(`${stack.prefix}:card:${id}:revert`)).toBe(0);
  });

  it('posts the comment once when killed right after Trello took it', async () => {
    const id = await cardReadyToBeRefused('Радио Эхо');
    crashWorkerOn({ method: 'POST', path: new RegExp(`^/1/cards/${id}/actions/comments`), when: 'after', times: 1 });
    stack.sim.ui('manager').moveCard(id, 'Подключение');
    await stack.settle();

    expect(stack.sim.card(id).listName).toBe('Сбор данных');
    expect(revertComments(id)).toHaveLength(1);
  });

  it('finishes an accepted move when killed while adding the stage checklist: the whole checklist once, the owner told once', async () => {
    const id = stack.sim.ui('manager').createCard('Новая заявка', 'Радио Запуск');
    stack.sim.ui('manager').setPluginData(id, { station: stationUpTo('live') });
    stack.sim.ui('director').moveCard(id, 'Подключение');
    await stack.settle();
    crashWorkerOn({ method: 'POST', path: new RegExp(`^/1/cards/${id}/checklists$`), when: 'after', times: 1 });
    stack.sim.ui('engineer').moveCard(id, 'Выдача доступов');
    await stack.settle();

    const card = stack.sim.card(id);
    expect(card.listName).toBe('Выдача доступов');
    expect(card.checklists.map((c) => [c.name, c.checkItems.map((i) => i.name)])).toEqual([
      ['Запуск', ['Потоки добавлены', 'Опции включены', 'Воспроизведение проверено', 'Доступы отправлены клиенту']],
    ]);
    expect(stack.sim.comments(id).filter((c) => c.text.includes('перешла в «Выдача доступов»'))).toHaveLength(1);
    expect((await stack.audit(id)).filter((a) => a.to.name === 'Выдача доступов' && a.verdict !== 'ignored')).toEqual([
      expect.objectContaining({ verdict: 'accepted', reason: 'resumed', mover: 'engineer' }),
    ]);
  });

  it('dead-letters a job that keeps crashing its worker, says so at error, and the sweep judges the move after all', async () => {
    const id = await cardReadyToBeRefused('Радио Обречённое');
    const remove = crashWorkerOn({ method: 'GET', path: new RegExp(`^/1/cards/${id}$`), when: 'before', times: MAX_STALLS + 1 });
    stack.sim.ui('manager').moveCard(id, 'Подключение');
    await stack.settle();
    remove();

    const dead = (await readDeadJobs(stack.redis, deadJobsKey(stack.prefix, 'events'))).filter((d) => d.data.includes(id));
    expect(dead).toEqual([expect.objectContaining({ error: 'job stalled more than allowable limit' })]);
    // The line may still be in the pipe from the worker when the stream already holds the entry.
    const givenUp = new RegExp(`"level":50.*"cardId":"${id}".*"msg":"job given up: recorded as dead"`);
    await until('the worker logs the dead job at error', () => givenUp.test(stack.worker.output()));
    expect(stack.sim.card(id).listName).toBe('Подключение');

    await requestSweep({ connection: stack.redis, prefix: stack.prefix, timeoutMs: 60_000 });
    await stack.settle();
    expect(stack.sim.card(id).listName).toBe('Сбор данных');
    expect(revertComments(id)).toHaveLength(1);
  });
});
