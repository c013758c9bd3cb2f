import request from 'supertest';
import { startE2E, type E2E } from '../../e2e/e2e-kit';
import { stationUpTo } from '../../stack/station-data';

describe('POST /api/cards/:cardId/next-stage in dry-run mode', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E('powerup-dry-run', { env: { DRY_RUN: 'true' } });
  });
  afterAll(() => e2e.close());

  it('answers what it would do and moves nothing', async () => {
    const id = await e2e.stationCard('Радио Сирень', stationUpTo('basics'));
    e2e.sim.resetLogs();

    const res = await request(e2e.service.url).post(`/api/cards/${id}/next-stage`).set('Authorization', `Bearer ${e2e.powerUpJwt('manager')}`);
    await e2e.settle();

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ moved: false, dryRun: true, from: 'Новая заявка', to: 'Сбор данных' });
    expect(e2e.sim.card(id).listName).toBe('Новая заявка');
    expect(e2e.serviceRequests('PUT')).toEqual([]);
    expect(e2e.serviceRequests('POST')).toEqual([]);
    expect(await e2e.stages(id)).toEqual(['Новая заявка']);
    expect((await e2e.audit(id))[0]).toMatchObject({ verdict: 'accepted', dryRun: true, mover: 'manager', to: { name: 'Сбор данных' } });
  });
});
