import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startE2E, type E2E } from '../../e2e/e2e-kit';
import { defaultRulesWith } from './default-rules-with';
import { stationUpTo } from '../../stack/station-data';
import { startSmtpStandIn, type SmtpStandIn } from './stand-ins/smtp-stand-in';
import { startTelegramStandIn, type TelegramStandIn } from './stand-ins/telegram-stand-in';
import { startWebhookReceiver, type WebhookReceiver } from './stand-ins/webhook-receiver';

const TOKEN = '123456789:AAHservice-test-token';
const SECRET = 'service-test-secret-0123456789abcdef';
const ENGINEERS_CHAT = '-1009876543210';

/** The default process with the engineers on Telegram, the director by mail, and an integration hook. */
function rulesWithChannels(dir: string, hookUrl: string): string {
  const file = join(dir, 'rules.yaml');
  writeFileSync(file, defaultRulesWith(`notifications:
  emailFrom: 'Gatekeeper <gatekeeper@radio.example>'
  routes:
    '*': { channels: [trello-comment] }
    engineer: { channels: [trello-comment, telegram], telegram: [${ENGINEERS_CHAT}] }
    director: { channels: [trello-comment, email], email: [director@radio.example] }
  everyNotice: { channels: [webhook], webhook: ['${hookUrl}'] }
`));
  return file;
}

describe('the service telling people on their channels', () => {
  let e2e: E2E;
  let telegram: TelegramStandIn;
  let smtp: SmtpStandIn;
  let hooks: WebhookReceiver;
  const dir = mkdtempSync(join(tmpdir(), 'gk-notify-'));
  beforeAll(async () => {
    [telegram, smtp, hooks] = await Promise.all([
      startTelegramStandIn({ token: TOKEN, chats: [ENGINEERS_CHAT] }),
      startSmtpStandIn({ user: 'gk', password: 'pw' }),
      startWebhookReceiver({ secret: SECRET }),
    ]);
    e2e = await startE2E('service-notifications', {
      env: {
        RULES_FILE: rulesWithChannels(dir, `${hooks.url}/gatekeeper`),
        TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_URL: telegram.url, SMTP_URL: smtp.url, NOTIFY_WEBHOOK_SECRET: SECRET,
      },
    });
  });
  afterAll(async () => {
    await e2e.close();
    await Promise.all([telegram.close(), smtp.close(), hooks.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  describe('when the director moves a paid card into «Подключение»', () => {
    it("tells the engineers' chat with the card link and what «Выдача доступов» still needs", async () => {
      const id = await e2e.stationCard('Радио Лютик', stationUpTo('contractSignedAndPaid'), 'Договор и оплата');
      e2e.sim.ui('director').moveCard(id, 'Подключение');
      await e2e.settle();

      expect(telegram.sent.filter((m) => m.text.includes('Радио Лютик')).map((m) => [m.chatId, m.text])).toEqual([
        [ENGINEERS_CHAT, [
          'Станция «Радио Лютик» перешла в «Подключение» — ваш этап.',
          'Кто переместил: Ирина Директорова (@director).',
          'Чтобы перейти в «Выдача доступов»:',
          '• не отмечено поле «Потоки заведены в вещательную инфраструктуру»',
          `https://trello.com/c/${e2e.sim.card(id).shortLink}`,
        ].join('\n')],
      ]);
      const entered = hooks.received.map((h) => h.body.notice as { kind: string; cardId: string; stage: string });
      expect(entered.filter((n) => n.kind === 'stage-entered' && n.cardId === id && n.stage === 'Подключение')).toHaveLength(1);
    });
  });

  describe('when a manager tries to skip the director', () => {
    it('tells the manager on the card, and the integration with a signed hook', async () => {
      const id = await e2e.stationCard('Радио Мята', stationUpTo('review'), 'Договор и оплата');
      e2e.sim.ui('manager').moveCard(id, 'Подключение');
      await e2e.settle();

      const comment = e2e.sim.comments(id).filter((c) => c.memberCreator === 'gatekeeper').at(-1)!.text;
      expect(comment).toMatch(/^@manager, карточку нельзя было переместить в «Подключение»/);
      const hook = hooks.received.find((h) => h.body.kind === 'move-reverted' && String(h.body.text).includes('Радио Мята'));
      expect(hook?.body).toMatchObject({ recipients: ['manager'], cardUrl: `https://trello.com/c/${e2e.sim.card(id).shortLink}` });
      expect(hooks.refused).toBe(0);
    });
  });
});
