import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ProcessConfig } from '../../../rules';
import { channelSettings } from '../../../server/notify/channel-settings';
import { createChannels } from '../../../server/notify/create-channels';
import { createDeadLetters, type DeadLetters } from '../../../server/notify/dead-letters';
import type { Notice } from '../../../server/notify/notice';
import { createQueuedNotifier } from '../../../server/notify/notify-queue';
import { createNotifyWorker } from '../../../server/notify/notify-worker';
import { createTrelloClient } from '../../../server/trello/create-trello-client';
import { deleteKeys, testRedis, uniquePrefix } from '../../helpers/redis';
import { testLog } from '../../helpers/silent-log';
import { startTrelloSimulator } from '../../simulator';
import type { DemoBoard, TrelloSimulator } from '../../simulator/types';
import { smallConfig } from '../../rules/small-config';
import { startSmtpStandIn, type SmtpStandIn } from './stand-ins/smtp-stand-in';
import { startTelegramStandIn, type TelegramStandIn } from './stand-ins/telegram-stand-in';
import { startWebhookReceiver, type WebhookReceiver } from './stand-ins/webhook-receiver';

export const TOKEN = '123456789:AAHnotify-kit-token';
export const SECRET = 'notify-kit-secret-0123456789abcdef';
export const ENGINEERS_CHAT = '-1001234567890';
export const DIRECTOR_CHAT = '424242';
/** Milliseconds where production waits seconds, so retries and dead letters come within a test. */
export const FAST = { attempts: 3, backoffMs: 40 };

export type NotifyKit = {
  redis: Redis; prefix: string; queues: Queue[]; config: ProcessConfig; sim: TrelloSimulator; board: DemoBoard;
  telegram: TelegramStandIn; smtp: SmtpStandIn; hooks: WebhookReceiver; dead: DeadLetters;
  send(notice: Notice): Promise<void>;
  /** Waits until no notification job, of any channel, is waiting, running or delayed. */
  settle(): Promise<void>;
  close(): Promise<void>;
};

/**
 * The notifier and its worker as the composition root builds them, on real Redis, with every
 * channel pointed at its stand-in: Telegram Bot API over HTTP, an SMTP server, a webhook receiver,
 * and the Trello simulator for card comments.
 */
export async function startNotifyKit(name: string): Promise<NotifyKit> {
  const [telegram, smtp, hooks, sim] = await Promise.all([
    startTelegramStandIn({ token: TOKEN, chats: [ENGINEERS_CHAT, DIRECTOR_CHAT] }),
    startSmtpStandIn({ user: 'gatekeeper', password: 'smtp-password' }),
    startWebhookReceiver({ secret: SECRET }),
    startTrelloSimulator({ appSecret: 'notify-kit-app-secret' }),
  ]);
  const board = sim.seedDemoBoard();
  const config = kitConfig(hooks.url);
  const redis = testRedis();
  const prefix = uniquePrefix(name);
  const log = testLog();
  const env = { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_URL: telegram.url, SMTP_URL: smtp.url, NOTIFY_WEBHOOK_SECRET: SECRET };
  const trello = createTrelloClient({ baseUrl: sim.url, key: board.key, token: board.members.gatekeeper.token, redis, keyPrefix: prefix, log });
  const notifier = createQueuedNotifier({ connection: redis, prefix, config, policy: FAST });
  const worker = createNotifyWorker({
    connection: redis, redis, prefix, log, channels: createChannels({ settings: channelSettings(config, env), language: 'ru', trello }),
  });
  return {
    redis, prefix, queues: notifier.queues, config, sim, board, telegram, smtp, hooks,
    dead: createDeadLetters({ redis, prefix }),
    send: (notice) => notifier.send(notice),
    async settle() {
      for (;;) {
        const counts = await Promise.all(notifier.queues.map((q) => q.getJobCounts('waiting', 'active', 'delayed', 'prioritized')));
        if (counts.every((c) => Object.values(c).every((n) => n === 0))) return;
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async close() {
      await worker.close();
      await notifier.close();
      await Promise.all([telegram.close(), smtp.close(), hooks.close(), sim.close()]);
      await deleteKeys(redis, prefix);
      await redis.quit();
    },
  };
}

function kitConfig(hooksUrl: string): ProcessConfig {
  return smallConfig({
    roles: { director: ['director'], engineer: ['engineer', 'engineer2'], accountant: ['accountant'] },
    stages: [
      { list: 'Договор и оплата', owner: 'accountant', controller: 'director' },
      { list: 'Подключение', owner: 'engineer', controller: 'director' },
    ],
    notifications: {
      emailFrom: 'Gatekeeper <gatekeeper@radio.example>',
      routes: {
        '*': { channels: ['trello-comment'] },
        engineer: { channels: ['trello-comment', 'telegram'], telegram: [Number(ENGINEERS_CHAT)] },
        accountant: { channels: ['trello-comment', 'email'], email: ['buh@radio.example'] },
        '@director': { channels: ['telegram', 'email'], telegram: [DIRECTOR_CHAT], email: ['director@radio.example'] },
      },
      everyNotice: { channels: ['webhook'], webhook: [`${hooksUrl}/team-chat`, `${hooksUrl}/crm`] },
    },
  });
}
