import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseRules } from '../../../rules';
import { channelSettings, ChannelSettingsError } from '../../../server/notify/channel-settings';
import { signWebhookBody } from '../../../server/notify/channels/webhook-signature';
import { plainText } from '../../../server/notify/templates/render-message';
import { defaultRulesWith } from './default-rules-with';

// docs/notifications.md is the admin's guide: its examples must stay true to the code.
const DOC = readFileSync(resolve(__dirname, '../../../docs/notifications.md'), 'utf8');
const blocks = (lang: string) => [...DOC.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
const withDefaultProcess = (section: string) => parseRules(defaultRulesWith(section), 'yaml');

describe('docs/notifications.md', () => {
  it('has a notifications example that is valid for the default process', () => {
    const examples = blocks('yaml').filter((block) => block.startsWith('notifications:'));
    expect(examples).toHaveLength(1);
    expect(withDefaultProcess(examples[0]!).notifications.routes['@director']?.channels).toEqual(['trello-comment', 'telegram', 'email']);
  });

  it('shows the refusal at start word for word', () => {
    const config = withDefaultProcess(`notifications:
  emailFrom: gatekeeper@example.com
  routes:
    '*': { channels: [trello-comment] }
    accountant: { channels: [trello-comment, email], email: [buh@example.com] }
  everyNotice: { channels: [webhook], webhook: ['https://crm.example.com/hook'] }
`);
    let error: ChannelSettingsError | undefined;
    try {
      channelSettings(config, { TELEGRAM_API_URL: 'https://api.telegram.org' });
    } catch (err) {
      error = err as ChannelSettingsError;
    }
    expect(DOC).toContain(error!.message);
  });

  it("shows a restored webhook's message word for word", () => {
    const text = plainText({
      kind: 'webhook-restored', actionId: 'a', boardId: '5f1c0ffee0000000000000b1', boardName: 'Подключение станций',
      change: 're-enabled', consecutiveFailures: 12, recipients: ['director'],
    }, 'ru');
    expect(blocks('').map((block) => block.trimEnd())).toContain(text);
  });

  describe('the signature check it gives receivers', () => {
    const verify = new Function('require', `${blocks('js')[0]}\nreturn verifyGatekeeperSignature;`)(require) as (
      secret: string, headers: Record<string, string>, raw: string, now?: number,
    ) => boolean;
    const secret = 'docs-secret-0123456789abcdef0123456789';
    const raw = JSON.stringify({ text: 'Станция «Радио Ромашка» перешла в «Подключение»' });
    const now = Date.parse('2026-11-20T10:00:00Z');
    const ts = now / 1000;
    const headers = (body: string, at = ts) => ({
      'x-gatekeeper-timestamp': String(at), 'x-gatekeeper-signature': signWebhookBody(secret, at, body),
    });

    it("accepts the service's signature", () => {
      expect(verify(secret, headers(raw), raw, now)).toBe(true);
    });

    it('refuses a changed body, another secret and an old timestamp', () => {
      expect(verify(secret, headers(raw), raw.replace('Ромашка', 'Лютик'), now)).toBe(false);
      expect(verify('another-secret-0123456789abcdef01234', headers(raw), raw, now)).toBe(false);
      expect(verify(secret, headers(raw, ts - 301), raw, now)).toBe(false);
    });
  });
});
