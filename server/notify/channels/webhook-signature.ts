import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Gatekeeper-Signature';
export const TIMESTAMP_HEADER = 'X-Gatekeeper-Timestamp';
export const DELIVERY_HEADER = 'X-Gatekeeper-Delivery';

/**
 * `v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`, keyed by NOTIFY_WEBHOOK_SECRET. The
 * timestamp is signed with the body so a receiver can refuse an old request replayed at it; the
 * scheme is Stripe's and Slack's, which many receivers already know how to check.
 */
export function signWebhookBody(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
