import { loadEnv } from '../../../server/config/load-env';

const REQUIRED = {
  TRELLO_KEY: 'k', TRELLO_TOKEN: 't', TRELLO_APP_SECRET: 's',
  PUBLIC_URL: 'https://gatekeeper.example.com', POWERUP_ID: '5e66784c606cb1160a8f5dc0',
};

describe('the environment of the notification channels', () => {
  it('is optional until the rules use a channel, with the public Bot API as the default', () => {
    const env = loadEnv(REQUIRED);
    expect(env).toMatchObject({ TELEGRAM_API_URL: 'https://api.telegram.org' });
    expect(env.TELEGRAM_BOT_TOKEN).toBeUndefined();
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.NOTIFY_WEBHOOK_SECRET).toBeUndefined();
  });

  it('accepts a bot token, an smtp:// or smtps:// URL and a long enough secret', () => {
    const env = loadEnv({
      ...REQUIRED, TELEGRAM_BOT_TOKEN: '123456789:AAH-x_y', SMTP_URL: 'smtps://user:pw@mail.example.com:465',
      NOTIFY_WEBHOOK_SECRET: 'f'.repeat(64), TELEGRAM_API_URL: 'http://127.0.0.1:8081',
    });
    expect(env).toMatchObject({ TELEGRAM_API_URL: 'http://127.0.0.1:8081', SMTP_URL: 'smtps://user:pw@mail.example.com:465' });
  });

  it('names each malformed value without repeating it', () => {
    let problems: string[] = [];
    try {
      loadEnv({ ...REQUIRED, TELEGRAM_BOT_TOKEN: 'AAH-not-a-token', SMTP_URL: 'https://mail.example.com', NOTIFY_WEBHOOK_SECRET: 'short' });
    } catch (err) {
      problems = (err as { problems: string[] }).problems;
    }
    expect(problems).toEqual([
      'TELEGRAM_BOT_TOKEN: a bot token from @BotFather, e.g. 123456789:AAH…',
      'SMTP_URL: smtp://user:password@host:587 or smtps://user:password@host:465',
      'NOTIFY_WEBHOOK_SECRET: at least 32 characters, e.g. from `openssl rand -hex 32`',
    ]);
  });
});
