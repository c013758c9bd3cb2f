import { readFileSync } from 'node:fs';
import request from 'supertest';
import { serviceProcess, type ServiceProcess } from '../chaos/service-process';
import { DEFAULT_RULES_FILE } from '../rules/default-rules';
import { stationUpTo } from '../stack/station-data';
import { startE2E, type E2E } from './e2e-kit';

const TEXT = readFileSync(DEFAULT_RULES_FILE, 'utf8');
const WITH_BIK = TEXT.replace('fields: [contract.number, contract.date]', 'fields: [contract.number, contract.date, org.bik]');

/** The pino lines of a process's output with the given message. */
const linesOf = (output: string, msg: string) =>
  output.split('\n').filter((line) => line.includes(`"msg":"${msg}"`)).map((line) => JSON.parse(line) as { time: number; rulesVersion: number });

describe('a saved rules version reaches every worker process without a restart', () => {
  let e2e: E2E;
  const workers: ServiceProcess[] = [];
  beforeAll(async () => {
    // The web role in this process; judging only in the two worker processes below.
    e2e = await startE2E('rules-live', { env: { ROLE: 'web' } });
    const env = Object.fromEntries(Object.entries(e2e.env).flatMap(([key, value]) =>
      value === undefined ? [] : [[key, Array.isArray(value) ? value.join(',') : String(value)]]));
    for (let n = 0; n < 2; n += 1) workers.push(serviceProcess({ ...env, ROLE: 'worker', LOG_LEVEL: 'info' }, () => undefined));
    await Promise.all(workers.map((worker) => worker.start()));
  }, 60_000);
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await e2e.close();
  });

  it('both workers switch on the save, and the moves they judge after it are judged, and audited, under it', async () => {
    const cards = [];
    for (const name of ['Радио Ромашка', 'Радио Лютик', 'Радио Василёк', 'Радио Клевер']) {
      cards.push(await e2e.stationCard(name, stationUpTo('contractSignedAndPaid'), 'Договор и оплата'));
    }
    const sentAt = Date.now();
    await request(e2e.service.url).post('/api/rules/versions').set('Authorization', `Bearer ${e2e.powerUpJwt('director')}`)
      .send({ text: WITH_BIK, comment: 'БИК до подключения', baseVersion: 1 }).expect(201);

    for (const worker of workers) {
      const deadline = Date.now() + 10_000;
      while (!linesOf(worker.output(), 'rules version now in force').some((l) => l.rulesVersion === 2) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      const [switched] = linesOf(worker.output(), 'rules version now in force').filter((l) => l.rulesVersion === 2);
      expect(switched).toBeDefined();
      // Within a second of the save being sent (pub/sub: in practice a few milliseconds).
      expect(switched!.time - sentAt).toBeLessThan(1_000);
    }

    for (const id of cards) e2e.sim.ui('director').moveCard(id, 'Подключение');
    await e2e.settle();
    for (const id of cards) {
      expect(e2e.sim.card(id).listName).toBe('Договор и оплата');
      expect((await e2e.audit(id)).find((a) => a.to.name === 'Подключение')).toMatchObject({ verdict: 'reverted', rulesVersion: 2 });
    }
  }, 60_000);
});
