import { resolve } from 'node:path';
import { Env } from '../../../server/config/env-schema';
import { readRulesFile } from '../../../server/config/read-rules-file';
import { channelSettings, ChannelSettingsError } from '../../../server/notify/channel-settings';
import { startService } from '../../../server/start-service';
import { loadDefaultRules } from '../../rules/default-rules';
import { testLog } from '../../helpers/silent-log';
import { freePort } from '../../stack/free-port';

const EXAMPLE = resolve(__dirname, '../../../rules/examples/all-channels.yaml');
const SETTINGS = {
  TELEGRAM_BOT_TOKEN: '123456789:AAHsettings-test', TELEGRAM_API_URL: 'https://api.telegram.org',
  SMTP_URL: 'smtps://gatekeeper:pw@mail.example.com:465', NOTIFY_WEBHOOK_SECRET: 'x'.repeat(32),
};

describe('channel settings at start', () => {
  it('needs nothing for the card comment, the default', () => {
    expect(channelSettings(loadDefaultRules(), { TELEGRAM_API_URL: 'https://api.telegram.org' })).toEqual({});
  });

  it('names every missing variable, what it is, and which routes use its channel', () => {
    let error: unknown;
    try {
      channelSettings(readRulesFile(EXAMPLE), { TELEGRAM_API_URL: 'https://api.telegram.org' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ChannelSettingsError);
    expect((error as ChannelSettingsError).problems).toEqual([
      'TELEGRAM_BOT_TOKEN: missing — the bot\'s token from @BotFather; channel "telegram" is used by notifications.routes.engineer, notifications.routes["@ivan_petrov"]',
      'SMTP_URL: missing — the mail server\'s smtp://user:password@host:587 (or smtps://…:465); channel "email" is used by notifications.routes.accountant, notifications.routes["@ivan_petrov"]',
      'NOTIFY_WEBHOOK_SECRET: missing — the key that signs webhook bodies, e.g. `openssl rand -hex 32`; channel "webhook" is used by notifications.everyNotice',
    ]);
  });

  it('hands each channel in use its settings, and the webhook channel every URL of the rules', () => {
    expect(channelSettings(readRulesFile(EXAMPLE), SETTINGS)).toEqual({
      telegram: { apiUrl: 'https://api.telegram.org', token: SETTINGS.TELEGRAM_BOT_TOKEN },
      email: { smtpUrl: SETTINGS.SMTP_URL, from: 'Gatekeeper <gatekeeper@example.com>' },
      webhook: {
        secret: SETTINGS.NOTIFY_WEBHOOK_SECRET,
        urls: ['https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX', 'https://crm.example.com/hooks/gatekeeper'],
      },
    });
  });

  it('stops the service before it connects to anything, naming what is missing', async () => {
    const port = await freePort();
    const env = Env.parse({
      RULES_FILE: EXAMPLE, TRELLO_KEY: 'k', TRELLO_TOKEN: 't', TRELLO_APP_SECRET: 's', POWERUP_ID: '5e66784c606cb1160a8f5dc0',
      // Nothing listens here: reaching Redis would fail with another message.
      REDIS_URL: `redis://127.0.0.1:${port}`, PUBLIC_URL: `http://127.0.0.1:${port}`, TELEGRAM_BOT_TOKEN: SETTINGS.TELEGRAM_BOT_TOKEN,
    });
    await expect(startService({ env, log: testLog() })).rejects.toThrow(
      /^\[notify\] the rules send notifications on channels whose settings are missing:\n {2}- SMTP_URL: missing[^\n]*\n {2}- NOTIFY_WEBHOOK_SECRET: missing/,
    );
  });
});
