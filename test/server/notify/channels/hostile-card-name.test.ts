import { createEmailChannel } from '../../../../server/notify/channels/email-channel';
import { createTelegramChannel } from '../../../../server/notify/channels/telegram-channel';
import { recordingTrello } from './recording-trello';
import { createTrelloCommentChannel } from '../../../../server/notify/channels/trello-comment-channel';
import { createWebhookChannel } from '../../../../server/notify/channels/webhook-channel';
import { webhookKey, type Delivery } from '../../../../server/notify/delivery';
import type { CardNotice } from '../../../../server/notify/notice';
import { stageEntered } from '../notices';
import { startSmtpStandIn } from '../stand-ins/smtp-stand-in';
import { startTelegramStandIn } from '../stand-ins/telegram-stand-in';
import { startWebhookReceiver } from '../stand-ins/webhook-receiver';

// A member names a card to ping the whole board and hide a link; each channel must show it as text.
const HOSTILE = 'Радио <!channel> @board [жми](http://evil) <https://evil|ссылка>';
const J = '\u200D';
const notice: CardNotice = { ...stageEntered, cardName: HOSTILE };
const delivery = (channel: Delivery['channel'], address: string): Delivery => ({ channel, address, usernames: ['engineer', 'engineer2'], notice });
/** The lines after the first, the same in every chat-like channel. */
const REST = [
  'Кто переместил: Ирина Директорова (@director).',
  'Чтобы перейти в «Выдача доступов»:',
  '• не отмечено поле «Потоки заведены в вещательную инфраструктуру»',
  'https://trello.com/c/AbCd1234',
];

describe('a card named to mention everyone and hide a link', () => {
  it('is a card comment whose only mentions are the ones the service meant, and with no link in disguise', async () => {
    const recorded = recordingTrello();
    const channel = createTrelloCommentChannel({ trello: recorded.trello, language: 'ru' });
    await channel.deliver(delivery('trello-comment', 'card'));
    const written = recorded.written.map((w) => w.text);

    expect(written).toEqual([
      `@engineer @engineer2, станция «Радио <!channel> @${J}board [жми]${J}(http://evil) <https://evil|ссылка>» перешла в «Подключение» — ваш этап. ` +
        'Кто переместил: Ирина Директорова (@director).\n' +
        'Чтобы перейти в «Выдача доступов»:\n' +
        '• не отмечено поле «Потоки заведены в вещательную инфраструктуру»',
    ]);
    expect(written[0]!.match(/@\w+/g)).toEqual(['@engineer', '@engineer2', '@director']);
    expect(written[0]).not.toMatch(/\]\(/);
  });

  it('is webhook text with Slack’s control characters escaped and no @-mention or Markdown link left', async () => {
    const secret = 'hostile-name-secret-0123456789abcdef';
    const receiver = await startWebhookReceiver({ secret });
    try {
      const url = `${receiver.url}/slack`;
      await createWebhookChannel({ urls: [url], secret, language: 'ru' }).deliver(delivery('webhook', webhookKey(url)));

      const [hook] = receiver.received;
      expect(hook!.body.text).toBe(
        [
          `Станция «Радио &lt;!channel&gt; @${J}board [жми]${J}(http://evil) &lt;https://evil|ссылка&gt;» перешла в «Подключение» — ваш этап.`,
          ...REST,
        ].join('\n'),
      );
      // The fields for programs carry the name as written.
      expect(hook!.body).toMatchObject({ subject: `«${HOSTILE}» — ваш этап «Подключение»`, notice: { cardName: HOSTILE } });
    } finally {
      await receiver.close();
    }
  });

  it('is a Telegram message, in plain text, whose @board Telegram cannot take for a mention', async () => {
    const token = '123456789:AAHhostile-name-token';
    const chat = '-1001234567890';
    const telegram = await startTelegramStandIn({ token, chats: [chat] });
    try {
      await createTelegramChannel({ apiUrl: telegram.url, token, language: 'ru' }).deliver(delivery('telegram', chat));

      expect(telegram.sent.map((m) => m.text)).toEqual([
        [`Станция «Радио <!channel> @${J}board [жми](http://evil) <https://evil|ссылка>» перешла в «Подключение» — ваш этап.`, ...REST].join('\n'),
      ]);
    } finally {
      await telegram.close();
    }
  });

  it('is a plain-text e-mail, with no HTML part to carry markup, that shows the name as written', async () => {
    const smtp = await startSmtpStandIn({ user: 'gk', password: 'pw' });
    try {
      const email = createEmailChannel({ smtpUrl: smtp.url, from: 'Gatekeeper <gk@radio.example>', language: 'ru', timeoutMs: 2_000 });
      await email.deliver(delivery('email', 'engineers@radio.example'));
      await email.close?.();

      const [mail] = smtp.received;
      expect(mail!.subject).toBe(`«${HOSTILE}» — ваш этап «Подключение»`);
      expect(mail!.text).toBe([`Станция «${HOSTILE}» перешла в «Подключение» — ваш этап.`, ...REST].join('\n'));
      expect(mail!.headers.get('content-type')).toMatchObject({ value: 'text/plain' });
    } finally {
      await smtp.close();
    }
  });
});
