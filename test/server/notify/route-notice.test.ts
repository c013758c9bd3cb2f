import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseRules } from '../../../rules';
import { deliveryId, webhookKey } from '../../../server/notify/delivery';
import { adminsOf } from '../../../server/notify/admins';
import { deliveriesFor } from '../../../server/notify/route-notice';
import { loadDefaultRules } from '../../rules/default-rules';
import { moveReverted, stageEntered, webhookRestored } from './notices';

const allChannels = parseRules(readFileSync(resolve(__dirname, '../../../rules/examples/all-channels.yaml'), 'utf8'), 'yaml');
const SLACK = 'https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX';
const CRM = 'https://crm.example.com/hooks/gatekeeper';
const summary = (notice: Parameters<typeof deliveriesFor>[0]) =>
  deliveriesFor(notice, allChannels).map((d) => `${d.channel} ${d.address} ← ${d.usernames.join(' ')}`);

describe('routing a notice to its deliveries', () => {
  it('writes one card comment mentioning every owner when the rules say nothing of notifications', () => {
    expect(deliveriesFor(stageEntered, loadDefaultRules())).toEqual([
      { channel: 'trello-comment', address: 'card', usernames: ['engineer', 'engineer2'], notice: stageEntered },
    ]);
  });

  it("sends a role's group chat one message for all its members", () => {
    expect(summary({ ...stageEntered, recipients: ['sergey_tech', 'dmitry_noc'] })).toEqual([
      'trello-comment card ← sergey_tech dmitry_noc',
      'telegram -1001234567890 ← sergey_tech dmitry_noc',
      `webhook ${webhookKey(SLACK)} ← sergey_tech dmitry_noc`,
      `webhook ${webhookKey(CRM)} ← sergey_tech dmitry_noc`,
    ]);
  });

  it("lets a member's own route replace the routes of their roles", () => {
    expect(summary({ ...stageEntered, recipients: ['Ivan_Petrov', 'maria_ivanova'] })).toEqual([
      'trello-comment card ← Ivan_Petrov maria_ivanova',
      'telegram 123456789 ← Ivan_Petrov',
      'email director@example.com ← Ivan_Petrov',
      'email buh@example.com ← maria_ivanova',
      `webhook ${webhookKey(SLACK)} ← Ivan_Petrov maria_ivanova`,
      `webhook ${webhookKey(CRM)} ← Ivan_Petrov maria_ivanova`,
    ]);
  });

  it('tells the mover of a reverted move by their route, or by "*" when no route names them', () => {
    expect(summary({ ...moveReverted, mover: { username: 'sergey_tech', fullName: '' } }).slice(0, 2)).toEqual([
      'trello-comment card ← sergey_tech',
      'telegram -1001234567890 ← sergey_tech',
    ]);
    expect(summary({ ...moveReverted, mover: { username: 'guest_member', fullName: '' } })[0]).toBe('trello-comment card ← guest_member');
  });

  it('writes the comment of a refused move whose mover is unknown by the "*" route, mentioning nobody', () => {
    const unknown = { ...moveReverted, mover: { username: '', fullName: '' } };
    expect(deliveriesFor(unknown, loadDefaultRules())).toEqual([{ channel: 'trello-comment', address: 'card', usernames: [], notice: unknown }]);
    expect(summary(unknown)).toEqual(['trello-comment card ← ', `webhook ${webhookKey(SLACK)} ← `, `webhook ${webhookKey(CRM)} ← `]);
  });

  describe('a restored webhook, which concerns the board and no card', () => {
    const restored = { ...webhookRestored, recipients: adminsOf(allChannels) };

    it("tells the admins on their routes' other channels, and every-notice hooks, but writes no card comment", () => {
      expect(summary(restored)).toEqual([
        'telegram 123456789 ← ivan_petrov',
        'email director@example.com ← ivan_petrov',
        'email buh@example.com ← maria_ivanova',
        `webhook ${webhookKey(SLACK)} ← ivan_petrov maria_ivanova`,
        `webhook ${webhookKey(CRM)} ← ivan_petrov maria_ivanova`,
      ]);
    });

    it('reaches nobody when the rules route everyone to card comments only', () => {
      expect(deliveriesFor({ ...webhookRestored, recipients: adminsOf(loadDefaultRules()) }, loadDefaultRules())).toEqual([]);
    });

    it('has delivery ids of its own action id, with no card in them', () => {
      expect(deliveriesFor(restored, allChannels).map(deliveryId)[0]).toBe('webhook-restored-b1-1-webhook-restored-telegram-123456789');
    });
  });

  it('keeps webhook URLs, which are credentials, out of job data and job ids', () => {
    const deliveries = deliveriesFor(stageEntered, allChannels);
    expect(JSON.stringify(deliveries)).not.toContain('hooks.slack.com');
    expect(deliveries.map(deliveryId).join(' ')).not.toMatch(/hooks|[:/]/);
  });

  it('gives the same (event, recipient, channel) the same delivery id, and different ones different ids', () => {
    const [comment, telegram] = deliveriesFor({ ...stageEntered, recipients: ['sergey_tech'] }, allChannels);
    expect(deliveryId(comment!)).toBe('a1-stage-entered-trello-comment-card');
    expect(deliveryId(telegram!)).toBe('a1-stage-entered-telegram--1001234567890');
    expect(deliveryId({ ...telegram!, notice: { ...stageEntered, actionId: 'a2' } })).not.toBe(deliveryId(telegram!));
  });
});
