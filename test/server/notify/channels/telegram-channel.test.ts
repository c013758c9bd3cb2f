import { createTelegramChannel } from '../../../../server/notify/channels/telegram-channel';
import type { Delivery } from '../../../../server/notify/delivery';
import { PermanentDeliveryError, RetryableDeliveryError } from '../../../../server/notify/delivery-errors';
import { freePort } from '../../../stack/free-port';
import { stageEntered } from '../notices';
import { startTelegramStandIn, type TelegramStandIn } from '../stand-ins/telegram-stand-in';

const TOKEN = '123456789:AAHtest-token_for_the_stand_in';
const GROUP = '-1001234567890';
const delivery = (address = GROUP): Delivery => ({ channel: 'telegram', address, usernames: ['engineer'], notice: stageEntered });

describe('the Telegram channel', () => {
  let telegram: TelegramStandIn;
  beforeEach(async () => {
    telegram = await startTelegramStandIn({ token: TOKEN, chats: [GROUP] });
  });
  afterEach(() => telegram.close());
  const channel = (token = TOKEN) => createTelegramChannel({ apiUrl: telegram.url, token, language: 'ru' });
  const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (err: Error) => err);

  it('sends the plain text to the chat, without a link preview cluttering a phone screen', async () => {
    await channel().deliver(delivery());
    expect(telegram.sent).toEqual([
      { chatId: GROUP, text: expect.stringMatching(/^Станция «Радио Ромашка» перешла в «Подключение» — ваш этап\.\n[\s\S]*\nhttps:\/\/trello\.com\/c\/AbCd1234$/), disablePreview: true },
    ]);
  });

  describe('when Telegram answers 429 with retry_after', () => {
    it('asks to be retried no sooner than Telegram said', async () => {
      telegram.failNext(GROUP, { status: 429, description: 'Too Many Requests: retry after 7', retryAfter: 7 });
      const err = await failure(channel().deliver(delivery()));
      expect(err).toBeInstanceOf(RetryableDeliveryError);
      expect(err).toMatchObject({ retryAfterMs: 7000, message: `[telegram] sendMessage to chat ${GROUP} answered 429: Too Many Requests: retry after 7` });
    });
  });

  it('asks for a retry on a 500', async () => {
    telegram.failNext(GROUP, { status: 500, description: 'Internal Server Error' });
    expect(await failure(channel().deliver(delivery()))).toBeInstanceOf(RetryableDeliveryError);
  });

  it('gives up at once on a chat that does not exist', async () => {
    const err = await failure(channel().deliver(delivery('-100999')));
    expect(err).toBeInstanceOf(PermanentDeliveryError);
    expect(err?.message).toBe('[telegram] sendMessage to chat -100999 answered 400: Bad Request: chat not found');
  });

  it('gives up at once on a revoked token, and never shows the token', async () => {
    const err = await failure(channel('987654321:AArevoked-token').deliver(delivery()));
    expect(err).toBeInstanceOf(PermanentDeliveryError);
    expect(err?.message).toMatch(/answered 401: Unauthorized/);
    expect(err?.message).not.toContain('AArevoked');
  });

  it('asks for a retry when the API cannot be reached, and never shows the token', async () => {
    const unreachable = createTelegramChannel({ apiUrl: `http://127.0.0.1:${await freePort()}`, token: TOKEN, language: 'ru' });
    const err = await failure(unreachable.deliver(delivery()));
    expect(err).toBeInstanceOf(RetryableDeliveryError);
    expect(err?.message).toMatch(/^\[telegram\] sendMessage to chat -1001234567890 failed: .*ECONNREFUSED/);
    expect(err?.message).not.toContain('AAHtest');
  });
});
