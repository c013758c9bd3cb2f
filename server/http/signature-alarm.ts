import type { Logger } from 'pino';

export type SignatureAlarm = {
  /** One delivery failed its signature check. */
  failed(): void;
  /** Every failure since start. */
  total(): number;
};

/**
 * Signature failures are loud: a wrong TRELLO_APP_SECRET or PUBLIC_URL turns every delivery into
 * a 401, and enforcement stops while Trello retries and gives up. One warning per `everyMs` at
 * most, with the count since the last one, so a flood of them cannot drown the log.
 */
export function createSignatureAlarm(opts: { log: Logger; callbackUrl: string; everyMs?: number; now?: () => number }): SignatureAlarm {
  const everyMs = opts.everyMs ?? 60_000;
  const now = opts.now ?? Date.now;
  let total = 0;
  let unreported = 0;
  let lastWarnAt = -Infinity;
  return {
    failed() {
      total += 1;
      unreported += 1;
      if (now() - lastWarnAt < everyMs) return;
      opts.log.warn(
        { failures: unreported, total, callbackUrl: opts.callbackUrl },
        `webhook deliveries are failing their signature check (${unreported} since the last warning): ` +
          'check TRELLO_APP_SECRET (the OAuth secret of the Power-Up whose API key made the webhook) and PUBLIC_URL ' +
          '(PUBLIC_URL/webhooks/trello must be exactly the callbackURL the webhook was registered with). Moves are not being checked meanwhile.',
      );
      lastWarnAt = now();
      unreported = 0;
    },
    total: () => total,
  };
}
