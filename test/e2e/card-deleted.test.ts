import request from 'supertest';
import { createAccessLog } from '../../server/vault/access-log';
import { stationUpTo } from '../stack/station-data';
import { startE2E, type E2E } from './e2e-kit';

/**
 * A station's card deleted in Trello: its webhook reaches the service, the credentials are erased
 * with an access-log line saying who and how many, and the client's link no longer opens.
 */
describe('a station card deleted in Trello', () => {
  let e2e: E2E;
  let cardId: string;
  const vault = (member: string) => ({
    post: (path: string, body: object) =>
      request(e2e.service.url).post(`/api/cards/${cardId}/vault${path}`).set('Authorization', `Bearer ${e2e.powerUpJwt(member)}`).send(body),
    get: () => request(e2e.service.url).get(`/api/cards/${cardId}/vault`).set('Authorization', `Bearer ${e2e.powerUpJwt(member)}`),
  });

  beforeAll(async () => {
    e2e = await startE2E('card-deleted');
    cardId = await e2e.stationCard('Радио Ромашка', stationUpTo('basics'), 'Сбор данных');
  });
  afterAll(() => e2e.close());

  it('erases its credentials, logs who deleted it, and the client’s link no longer opens', async () => {
    for (const label of ['Icecast source', 'Панель статистики']) {
      expect((await vault('engineer').post('/entries', { label, login: 'source', secret: `${label}-secret`, url: '', note: '' })).status).toBe(201);
    }
    const entryIds = (await vault('engineer').get()).body.entries.map((e: { id: string }) => e.id);
    const shared = await vault('manager').post('/share', { entryIds, delivery: 'copy' });
    expect(shared.status).toBe(201);
    const link = new URL(shared.body.url).pathname;

    const comments = () => e2e.serviceRequests('POST').filter((r) => r.path === `/1/cards/${cardId}/actions/comments`).length;
    const commentsBefore = comments();
    e2e.sim.ui('manager').deleteCard(cardId);
    await e2e.settle();

    expect(await e2e.redis.keys(`${e2e.env.REDIS_PREFIX}:vault:card:*`)).toEqual([]);
    const [line] = await createAccessLog({ redis: e2e.redis, prefix: e2e.env.REDIS_PREFIX }).ofCard(cardId);
    expect(line).toMatchObject({ action: 'card-deleted', cardId, username: 'manager', cardName: 'Радио Ромашка' });
    expect([...line!.entryIds!].sort()).toEqual([...entryIds].sort());
    // The director's log names the card and counts what went with it.
    const board = await request(e2e.service.url)
      .get(`/api/boards/${e2e.board.boardId}/vault/access`)
      .set('Authorization', `Bearer ${e2e.powerUpJwt('director')}`);
    expect(board.body.entries[0]).toMatchObject({ action: 'card-deleted', cardName: 'Радио Ромашка', entryCount: 2, label: null, person: { username: 'manager' } });

    const opened = await request(e2e.service.url).post(link).type('form').send('');
    expect(opened.status).toBe(404);
    expect(opened.text).toContain('Ссылка больше не действует');
    expect(opened.text).not.toContain('secret');
    // Nothing was shown, so nothing was logged as opened, and no comment went to a card that is gone.
    expect((await createAccessLog({ redis: e2e.redis, prefix: e2e.env.REDIS_PREFIX }).ofCard(cardId)).map((a) => a.action)).not.toContain('link-opened');
    expect(comments()).toBe(commentsBefore);
  });
});
