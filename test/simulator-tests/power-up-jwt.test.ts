import { createPublicKey, verify } from 'node:crypto';
import request from 'supertest';
import { startTrelloSimulator, type DemoBoard, type TrelloSimulator } from '../simulator';
import { manualClock } from '../helpers/manual-clock';
import { simClient } from './support/sim-client';

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

/** True when one of the served PEM keys verifies the token's RS256 signature. */
function verifiesWithAny(token: string, pems: string[]): boolean {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  return pems.some((pem) =>
    verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), createPublicKey(pem), Buffer.from(signature, 'base64url')),
  );
}

describe('Power-Up JWTs (t.jwt)', () => {
  let sim: TrelloSimulator;
  let demo: DemoBoard;
  const publicKeys = async () => (await request(sim.url).get('/1/resource/jwt-public-keys')).body.keys as string[];
  // Issue times and key overlaps follow the test's clock, not the wall clock.
  const clock = manualClock(Date.UTC(2026, 10, 27, 9, 0, 0, 500));

  beforeAll(async () => {
    sim = await startTrelloSimulator({ appSecret: 'secret', now: clock.now });
    demo = sim.seedDemoBoard();
  });
  afterAll(() => sim.close());

  it('serves the public keys as PEM without a key or token, like Trello', async () => {
    const res = await request(sim.url).get('/1/resource/jwt-public-keys');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ keys: [expect.stringMatching(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+-----END PUBLIC KEY-----\n$/)] });
  });

  it('mints a token shaped and signed like the one t.jwt() returns', async () => {
    const token = sim.mintPowerUpJwt({ idMember: demo.members.manager.id, idBoard: demo.boardId, state: 'card-back' });
    const [header, payload] = token.split('.') as [string, string];

    expect(Buffer.from(header, 'base64url').toString()).toBe('{"alg":"RS256","typ":"JWT"}');
    const claims = decode(payload);
    expect(Object.keys(claims)).toEqual(['idPlugin', 'idBoard', 'idMember', 'state', 'iat', 'exp', 'iss']);
    expect(claims).toMatchObject({ idPlugin: sim.powerUpId, idBoard: demo.boardId, idMember: demo.members.manager.id, iss: 'trello' });
    expect(claims['exp']).toBe((claims['iat'] as number) + 900);
    expect(claims['iat']).toBe(Math.floor(clock.now() / 1000));
    expect(verifiesWithAny(token, await publicKeys())).toBe(true);
  });

  it('takes the plugin, issue time and lifetime a test asks for', () => {
    const token = sim.mintPowerUpJwt({ idMember: 'm', idBoard: 'b', idPlugin: 'other', iat: 1583858668, expiresInSec: 60 });
    expect(decode(token.split('.')[1]!)).toEqual({ idPlugin: 'other', idBoard: 'b', idMember: 'm', iat: 1583858668, exp: 1583858728, iss: 'trello' });
  });

  it('after a rotation serves the old and the new key, then only the new one', async () => {
    const before = sim.mintPowerUpJwt({ idMember: 'm', idBoard: demo.boardId });
    const [oldKey] = await publicKeys();
    sim.rotateJwtKeys({ overlapMs: 1000 });
    const after = sim.mintPowerUpJwt({ idMember: 'm', idBoard: demo.boardId });

    const during = await publicKeys();
    expect(during).toHaveLength(2);
    expect(during[0]).toBe(oldKey);
    expect(verifiesWithAny(before, during) && verifiesWithAny(after, during)).toBe(true);
    expect(verifiesWithAny(after, [oldKey!])).toBe(false);

    clock.advance(999);
    expect(await publicKeys()).toEqual(during);
    clock.advance(1);
    const later = await publicKeys();
    expect(later).toEqual([during[1]]);
    expect(verifiesWithAny(before, later)).toBe(false);
  });

  it("lists the board's cards with checklists in Trello's nested shape", async () => {
    const cardId = sim.ui('manager').createCard('Новая заявка', 'Радио Ёлка');
    sim.ui('manager').addChecklist(cardId, 'Документы', ['Устав', 'ИНН']);
    sim.ui('manager').checkItem(cardId, 'Документы', 'ИНН');
    const res = await simClient(sim, demo.members.gatekeeper.token).get(`/boards/${demo.boardId}/cards`, {
      fields: 'id,idList', checklists: 'all', checklist_fields: 'name', checkItem_fields: 'name,state',
    });
    expect(res.body).toEqual([{
      id: cardId,
      idList: demo.lists['Новая заявка'],
      checklists: [{
        id: expect.any(String),
        name: 'Документы',
        checkItems: [
          { id: expect.any(String), name: 'Устав', state: 'incomplete' },
          { id: expect.any(String), name: 'ИНН', state: 'complete' },
        ],
      }],
    }]);
  });
});
