import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { listenHttp, type Answer } from './listen';

export type ReceivedHook = { path: string; body: Record<string, unknown>; delivery: string; verified: boolean };
export type WebhookReceiver = {
  url: string;
  /** Requests whose signature checked out, in order. */
  received: ReceivedHook[];
  /** Requests refused for their signature. */
  refused: number;
  /** Answers the next requests to `path` with these statuses before accepting again. */
  failNext(path: string, ...answers: Answer[]): void;
  /** Holds the next `times` requests to `path` for `ms` before accepting them: a slow receiver. */
  delayNext(path: string, ms: number, times: number): void;
  close(): Promise<void>;
};

/**
 * What an integration would run to receive Gatekeeper's webhook: it verifies the signature on its
 * own — HMAC-SHA256 over "<timestamp>.<raw body>" with the shared secret, compared in constant
 * time, timestamp within five minutes — with node:crypto, not with the service's signer.
 */
export async function startWebhookReceiver(opts: { secret: string }): Promise<WebhookReceiver> {
  const received: ReceivedHook[] = [];
  const failures = new Map<string, Answer[]>();
  const delays = new Map<string, { ms: number; times: number }>();
  const receiver = { received, refused: 0 };
  const server = await listenHttp(async (req, raw) => {
    if (!verified(req, raw, opts.secret)) {
      receiver.refused += 1;
      return { status: 401, body: { error: 'bad signature' } };
    }
    const path = req.url ?? '/';
    const delay = delays.get(path);
    if (delay && delay.times > 0) {
      delay.times -= 1;
      await new Promise((resolve) => setTimeout(resolve, delay.ms));
    }
    const failure = failures.get(path)?.shift();
    if (failure) return failure;
    const delivery = String(req.headers['x-gatekeeper-delivery']);
    received.push({ path, body: JSON.parse(raw) as Record<string, unknown>, delivery, verified: true });
    return { status: 200, body: { ok: true } };
  });
  return Object.assign(receiver, {
    url: server.url,
    failNext(path: string, ...answers: Answer[]) {
      failures.set(path, [...(failures.get(path) ?? []), ...answers]);
    },
    delayNext(path: string, ms: number, times: number) {
      delays.set(path, { ms, times });
    },
    close: server.close,
  });
}

function verified(req: IncomingMessage, raw: string, secret: string): boolean {
  const timestamp = Number(req.headers['x-gatekeeper-timestamp']);
  const signature = String(req.headers['x-gatekeeper-signature'] ?? '');
  if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 300) return false;
  const expected = Buffer.from(`v1=${createHmac('sha256', secret).update(`${timestamp}.${raw}`).digest('hex')}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
