import { Queue } from 'bullmq';
import { readRulesFile } from '../../server/config/read-rules-file';
import { eventQueueName } from '../../server/queue/partition';
import { countLosses } from '../chaos/chaos-checks';
import { stationUpTo } from '../stack/station-data';
import { startE2E, type E2E } from './e2e-kit';

/** The chaos run's oracle must see each kind of loss, or its zeros would prove nothing. */
describe('the chaos oracle', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E('oracle');
  });
  afterAll(() => e2e.close());

  const losses = (cardIds: string[]) => countLosses({
    sim: e2e.sim, redis: e2e.redis, prefix: e2e.env.REDIS_PREFIX, config: readRulesFile('rules/radio-onboarding.yaml'),
    powerUpId: e2e.board.powerUpId, cardIds, partitions: e2e.env.EVENT_PARTITIONS, botUsername: 'gatekeeper',
  });

  it('counts nothing on a board the service kept in order', async () => {
    const id = await e2e.stationCard('Радио Порядок', stationUpTo('basics'), 'Сбор данных');
    e2e.sim.ui('manager').moveCard(id, 'Подключение');
    await e2e.settle();
    const { details, ...counters } = await losses([id]);
    expect(Object.values(counters)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(details).toEqual([]);
  });

  it('sees a refused move nobody undid: the card in the wrong list', async () => {
    const id = await e2e.stationCard('Радио Незамеченное', stationUpTo('basics'), 'Сбор данных');
    e2e.sim.loseDeliveries(() => true);
    e2e.sim.ui('manager').moveCard(id, 'Подключение');
    await e2e.settle();
    e2e.sim.loseDeliveries(null);
    expect(await losses([id])).toMatchObject({ cardsInTheWrongList: 1 });
  });

  it('sees an explanation posted twice', async () => {
    const id = await e2e.stationCard('Радио Дубль', stationUpTo('basics'), 'Сбор данных');
    e2e.sim.ui('manager').moveCard(id, 'Подключение');
    await e2e.settle();
    const [comment] = e2e.sim.comments(id).filter((c) => c.text.includes('нельзя было переместить'));
    const auth = `key=${e2e.board.key}&token=${e2e.board.members.gatekeeper.token}`;
    await fetch(`${e2e.sim.url}/1/cards/${id}/actions/comments?text=${encodeURIComponent(comment!.text)}&${auth}`, { method: 'POST' });
    expect(await losses([id])).toMatchObject({ duplicateComments: 1, revertsWithoutAComment: 0 });
  });

  it('sees a job that failed without a dead letter', async () => {
    const queue = new Queue(eventQueueName(0), { connection: e2e.redis, prefix: e2e.env.REDIS_PREFIX });
    try {
      await queue.add('card-event', { not: 'an event' }, { jobId: 'oracle-failed', attempts: 1 });
      await e2e.settle();
      expect(await queue.getJobState('oracle-failed')).toBe('failed');
      // The worker's own dead letter for it is removed: as if the process died before writing it.
      await e2e.redis.del(`${e2e.env.REDIS_PREFIX}:events:dead`);
      expect(await losses([])).toMatchObject({ jobsFailedWithoutDeadLetter: 1 });
    } finally {
      await queue.close();
    }
  });
});
