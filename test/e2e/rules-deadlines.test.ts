import { readFileSync } from 'node:fs';
import { Queue } from 'bullmq';
import request from 'supertest';
import { DEADLINES_QUEUE } from '../../server/deadlines/deadline-job';
import { until } from '../helpers/until';
import { DEFAULT_RULES_FILE } from '../rules/default-rules';
import { stationUpTo } from '../stack/station-data';
import { startE2E, type E2E } from './e2e-kit';

const DEFAULT_TEXT = readFileSync(DEFAULT_RULES_FILE, 'utf8');
const CONNECTION_LIMIT = `    limitWorkingDays: 2
    escalateAfterWorkingDays: 1    # a paid client waiting to go on air: the director hears a day later
`;

/**
 * What the dry run promises about deadlines happens on saving: a card already sitting in
 * «Подключение» loses its pending reminder and escalation when a version drops the stage's limit,
 * and gets them back when the next one restores it.
 */
describe('a saved rules version and the deadlines of cards already in a stage', () => {
  let e2e: E2E;
  let queue: Queue;
  beforeAll(async () => {
    e2e = await startE2E('rules-deadlines');
    queue = new Queue(DEADLINES_QUEUE, { connection: e2e.redis, prefix: e2e.env.REDIS_PREFIX });
  });
  afterAll(async () => {
    await queue.close();
    await e2e.close();
  });
  const save = (text: string, baseVersion: number, comment: string) =>
    request(e2e.service.url).post('/api/rules/versions').set('Authorization', `Bearer ${e2e.powerUpJwt('director')}`).send({ text, comment, baseVersion }).expect(201);

  it('takes the deadlines away with the limit, and the next version brings them back', async () => {
    expect(DEFAULT_TEXT).toContain(CONNECTION_LIMIT);
    const cardId = await e2e.stationCard('Радио Срок', stationUpTo('live'), 'Подключение');
    const pending = async () => (await queue.getJobs(['delayed'])).filter((job) => job.data.cardId === cardId).map((job) => job.name).sort();
    await until('the card’s deadlines are scheduled', async () => (await pending()).length === 2);
    expect(await pending()).toEqual(['deadline', 'escalation']);

    await save(DEFAULT_TEXT.replace(CONNECTION_LIMIT, ''), 1, 'Подключение без срока');
    await until('the deadlines follow version 2', async () => (await pending()).length === 0);

    await save(DEFAULT_TEXT, 2, 'Срок подключения снова два дня');
    await until('the deadlines follow version 3', async () => (await pending()).length === 2);
    const [deadline] = (await queue.getJobs(['delayed'])).filter((job) => job.data.cardId === cardId && job.name === 'deadline');
    expect(deadline!.data).toMatchObject({ stage: 'Подключение', cardId });
  });
});
