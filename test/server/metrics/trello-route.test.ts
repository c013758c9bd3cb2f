import { trelloRoute } from '../../../server/metrics/trello-route';
import { createRedactor } from '../../../server/trello/redact-secrets';

const TOKEN = 'ATTAf00dfacef00dfacef00dfacef00dfacef00dfacef00dfacef00dfacef00d1234ABCD';
const CARD = '5f1a2b3c4d5e6f7a8b9c0d1e';

describe('the route a Trello call is counted under', () => {
  it.each([
    [`/1/cards/${CARD}`, '/1/cards/:id'],
    [`/1/cards/${CARD}/actions/comments`, '/1/cards/:id/actions/comments'],
    [`/1/cards/${CARD}/checklists`, '/1/cards/:id/checklists'],
    [`/1/cards/${CARD}/actions?filter=updateCard:idList`, '/1/cards/:id/actions'],
    ['/1/checklists/65aa00aa00aa00aa00aa00aa/checkItems', '/1/checklists/:id/checkItems'],
    ['/1/boards/Xy12AbCd/lists', '/1/boards/:id/lists'],
    ['/1/boards/Xy12AbCd/cards', '/1/boards/:id/cards'],
    ['/1/members/me', '/1/members/me'],
    ['/1/webhooks', '/1/webhooks'],
    ['/1/webhooks/65bb00bb00bb00bb00bb00bb', '/1/webhooks/:id'],
    ['/1/tokens/***/webhooks', '/1/tokens/:token/webhooks'],
    [`/1/tokens/${TOKEN}/webhooks`, '/1/tokens/:token/webhooks'],
  ])('counts %s as %s', (path, route) => {
    expect(trelloRoute(path)).toBe(route);
  });

  it('never carries the token, whether the path comes masked, raw or URL-encoded', () => {
    const masked = createRedactor([TOKEN])(`/1/tokens/${TOKEN}/webhooks`);
    for (const path of [masked, `/1/tokens/${TOKEN}/webhooks`, `/1/tokens/${encodeURIComponent(TOKEN)}/webhooks`, `/1/members/${TOKEN}`]) {
      expect(trelloRoute(path)).not.toContain(TOKEN);
      expect(trelloRoute(path)).not.toContain('***');
    }
  });

  it('stays one series however many cards and boards it sees', () => {
    const routes = new Set(['a1', 'b2', 'ZZ', 'plugin-id', '%2Fetc'].map((id) => trelloRoute(`/1/cards/${id}/actions/comments`)));
    expect([...routes]).toEqual(['/1/cards/:id/actions/comments']);
  });
});
