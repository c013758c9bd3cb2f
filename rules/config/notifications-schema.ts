import { z } from 'zod';
import { EMAIL } from '../fields/email';

/** Where a notice can go. `trello-comment` needs nothing more; the others need addresses. */
export const NOTIFICATION_CHANNELS = ['trello-comment', 'telegram', 'email', 'webhook'] as const;
export const NotificationChannel = z.enum(NOTIFICATION_CHANNELS).meta({
  description: 'trello-comment (a comment on the card mentioning the people), telegram, email or webhook.',
});
export type NotificationChannel = z.infer<typeof NotificationChannel>;

// YAML reads an unquoted -1001234567890 as a number, so a chat id may be written either way.
const TelegramChat = z
  .union([z.int(), z.string().regex(/^(-?\d+|@[A-Za-z][A-Za-z0-9_]{3,})$/, 'a Telegram chat id (-1001234567890) or @channelname')])
  .meta({ description: 'A Telegram chat id (a number; groups are negative) or a public @channelname.' });

const EmailAddress = z.string().regex(EMAIL, 'an e-mail address, e.g. buh@example.com');

/** `Name <address>` or a bare address: what nodemailer accepts as `from`. */
const Sender = z
  .string()
  .regex(/^([^<>@]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, 'a sender, e.g. "Gatekeeper <gatekeeper@example.com>"');

/** Who hears about what, and where: the channels and, for each, the addresses. */
export const NotificationRoute = z
  .strictObject({
    channels: z.array(NotificationChannel).min(1).meta({ description: 'The channels used, each needing its addresses below.' }),
    telegram: z.array(TelegramChat).min(1).optional().meta({ description: 'Chat ids the bot writes to (channel telegram).' }),
    email: z.array(EmailAddress).min(1).optional().meta({ description: 'Addresses mailed (channel email).' }),
    webhook: z
      .array(z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' }))
      .min(1)
      .optional()
      .meta({ description: 'URLs the signed JSON is posted to (channel webhook).' }),
  })
  .meta({ id: 'NotificationRoute' });
export type NotificationRoute = z.infer<typeof NotificationRoute>;

/** "*" (everyone no other route names), a role, or "@" and a Trello username. */
export const RouteKey = z
  .string()
  .regex(/^(\*|@[A-Za-z0-9_]+|[A-Za-z][A-Za-z0-9_-]*)$/, 'a route is "*", a role name, or "@" and a Trello username');

export const DEFAULT_ROUTES = { '*': { channels: ['trello-comment'] } } satisfies Record<string, NotificationRoute>;

export const Notifications = z
  .strictObject({
    routes: z
      .record(RouteKey, NotificationRoute)
      .default(DEFAULT_ROUTES)
      .meta({ description: 'Per role, per member ("@username") and for everyone else ("*"): the channels and addresses.' }),
    everyNotice: NotificationRoute.optional().meta({
      description: 'Also sent every notice, whoever it is for: a team chat, an audit mailbox, an integration.',
    }),
    emailFrom: Sender.optional().meta({ description: 'The sender of notification e-mails; required when a route uses email.' }),
  })
  .meta({ description: 'Who is told about what, on which channels. See docs/notifications.md.' });
export type Notifications = z.infer<typeof Notifications>;
