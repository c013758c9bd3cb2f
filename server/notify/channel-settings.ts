import type { NotificationChannel, NotificationRoute, ProcessConfig } from '../../rules';
import type { Env } from '../config/env-schema';

type ChannelEnv = Pick<Env, 'TELEGRAM_BOT_TOKEN' | 'TELEGRAM_API_URL' | 'SMTP_URL' | 'NOTIFY_WEBHOOK_SECRET'>;

/** What each channel the rules use needs from the environment; absent for channels nobody uses. */
export type ChannelSettings = {
  telegram?: { apiUrl: string; token: string };
  email?: { smtpUrl: string; from: string };
  webhook?: { secret: string; urls: string[] };
};

export class ChannelSettingsError extends Error {
  override readonly name = 'ChannelSettingsError';
  readonly code = 'notify_settings_missing';
  constructor(readonly problems: string[]) {
    super(`[notify] the rules send notifications on channels whose settings are missing:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * The settings of every channel the rules route to, read at start. A channel in use without them
 * stops the service with every missing variable named: skipping it would leave someone uninformed
 * with nothing in the logs until they ask why nobody told them.
 */
export function channelSettings(config: ProcessConfig, env: ChannelEnv): ChannelSettings {
  const used = routesByChannel(config);
  const problems: string[] = [];
  const need = (channel: NotificationChannel, variable: keyof ChannelEnv, hint: string): string | undefined => {
    const where = used.get(channel);
    if (!where) return undefined;
    if (!env[variable]) problems.push(`${variable}: missing — ${hint}; channel "${channel}" is used by ${where.join(', ')}`);
    return env[variable];
  };
  const token = need('telegram', 'TELEGRAM_BOT_TOKEN', "the bot's token from @BotFather");
  const smtpUrl = need('email', 'SMTP_URL', "the mail server's smtp://user:password@host:587 (or smtps://…:465)");
  const secret = need('webhook', 'NOTIFY_WEBHOOK_SECRET', 'the key that signs webhook bodies, e.g. `openssl rand -hex 32`');
  if (problems.length > 0) throw new ChannelSettingsError(problems);
  const { emailFrom } = config.notifications;
  return {
    ...(token ? { telegram: { apiUrl: env.TELEGRAM_API_URL, token } } : {}),
    // parseRules has already refused email routes without emailFrom.
    ...(smtpUrl && emailFrom ? { email: { smtpUrl, from: emailFrom } } : {}),
    ...(secret ? { webhook: { secret, urls: allRoutes(config).flatMap((r) => r.route.webhook ?? []) } } : {}),
  };
}

/**
 * What the notify workers build their transports from at start: the channels in use, the sender
 * address, the webhook addresses and the templates' language. Two versions with the same
 * delivery settings can replace each other while the workers run.
 */
export function deliverySettingsOf(config: ProcessConfig): { channels: string[]; emailFrom: string | null; webhooks: string[]; language: string } {
  return {
    channels: [...routesByChannel(config).keys()].sort(),
    emailFrom: config.notifications.emailFrom ?? null,
    webhooks: [...new Set(allRoutes(config).flatMap((r) => r.route.webhook ?? []))].sort(),
    language: config.language,
  };
}

/** Each channel in use, and the routes that use it (`notifications.routes.engineer`). */
function routesByChannel(config: ProcessConfig): Map<NotificationChannel, string[]> {
  const used = new Map<NotificationChannel, string[]>();
  for (const { path, route } of allRoutes(config)) {
    for (const channel of route.channels) used.set(channel, [...(used.get(channel) ?? []), path]);
  }
  return used;
}

function allRoutes(config: ProcessConfig): { path: string; route: NotificationRoute }[] {
  const { routes, everyNotice } = config.notifications;
  return [
    ...Object.entries(routes).map(([key, route]) => ({ path: `notifications.routes${/^[A-Za-z_]\w*$/.test(key) ? `.${key}` : `["${key}"]`}`, route })),
    ...(everyNotice ? [{ path: 'notifications.everyNotice', route: everyNotice }] : []),
  ];
}
