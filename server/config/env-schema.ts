import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** `600000`, `90s`, `10m` or `1h`, in milliseconds. */
const duration = z
  .string()
  .regex(/^\d+(ms|s|m|h)?$/, 'a duration: 600000 (ms), 90s, 10m or 1h')
  .transform((text) => {
    const [, amount, unit] = /^(\d+)(ms|s|m|h)?$/.exec(text)!;
    return Number(amount) * { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 }[(unit ?? 'ms') as 'ms' | 's' | 'm' | 'h'];
  })
  .pipe(z.number().int().min(1_000, 'at least 1s'));

/** Every environment variable the service reads; docs/configuration.md has one row per key. */
export const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z.string().regex(/^[\w.-]+$/, 'letters, digits, "_", "-", "." only').default('gatekeeper'),
  TRELLO_API_URL: z.url({ protocol: /^https?$/ }).default('https://api.trello.com'),
  TRELLO_KEY: z.string().min(1),
  TRELLO_TOKEN: z.string().min(1),
  TRELLO_APP_SECRET: z.string().min(1),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .transform((u) => u.replace(/\/+$/, '')),
  RULES_FILE: z.string().min(1).default('rules/radio-onboarding.yaml'),
  POWERUP_ID: z.string().regex(/^[0-9a-f]{24}$/, 'a 24-hex Trello id'),
  /** Origins that may frame the Power-Up's pages (CSP frame-ancestors), comma- or space-separated. */
  POWERUP_FRAME_ANCESTORS: z
    .string()
    .default('https://trello.com')
    .transform((s) => s.split(/[\s,]+/).filter(Boolean)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DRY_RUN: booleanFlag.default(false),
  ROLE: z.enum(['all', 'web', 'worker']).default('all'),
  EVENT_PARTITIONS: z.coerce.number().int().min(1).max(256).default(16),
  WEBHOOK_BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/).default('256kb'),
  // Demos and tests only: wait this many ms per working hour until a deadline instead of real time.
  DEADLINE_WORKING_HOUR_MS: z.coerce.number().int().min(1).max(3_600_000).optional(),
  // Notification channels: optional here, required at start by the rules that route to them
  // (server/notify/channel-settings.ts), so a channel in use is never silently left out.
  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[\w-]+$/, 'a bot token from @BotFather, e.g. 123456789:AAH…').optional(),
  TELEGRAM_API_URL: z.url({ protocol: /^https?$/ }).default('https://api.telegram.org'),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'smtp://user:password@host:587 or smtps://user:password@host:465' }).optional(),
  NOTIFY_WEBHOOK_SECRET: z.string().min(32, 'at least 32 characters, e.g. from `openssl rand -hex 32`').optional(),
  // Reliability (docs/operations.md): how often missed moves are looked for, and how long a job's
  // lock outlives a killed worker before another takes the job over.
  RECONCILE_INTERVAL: duration.default(10 * 60_000),
  JOB_LOCK_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  // Redis is the system of record: without persistence the service refuses to start unless told
  // to accept losing history, audit log and deadlines on a Redis restart (demos and tests).
  ACCEPT_REDIS_DATA_LOSS: booleanFlag.default(false),
  // ROLE=worker has no web server: it serves GET /metrics and /healthz here when set.
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  // Opens /admin/queues and the admin API; unset, they answer 404.
  ADMIN_TOKEN: z.string().min(24, 'at least 24 characters, e.g. from `openssl rand -hex 24`').optional(),
  // Station credentials' master keys, `<id>:<32 bytes base64>,…` (server/vault/vault-keys.ts reads
  // them): required at start when the rules have a `vault:` section, checked against what is stored.
  VAULT_KEYS: z.string().optional(),
});
export type Env = z.infer<typeof Env>;
