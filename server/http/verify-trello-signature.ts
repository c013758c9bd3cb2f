import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Trello signs base64(HMAC-SHA1(appSecret, rawBody + callbackURL)) into `X-Trello-Webhook`.
 * The HMAC runs over the raw bytes: Trello escapes "/" and non-ASCII in some deliveries, so a
 * re-serialised body would not match (docs/trello-reference.md §1.3).
 */
export function signTrelloPayload(rawBody: Buffer, callbackUrl: string, appSecret: string): string {
  return createHmac('sha1', appSecret).update(rawBody).update(callbackUrl, 'utf8').digest('base64');
}

export function verifyTrelloSignature(
  rawBody: Buffer,
  signature: string | undefined,
  callbackUrl: string,
  appSecret: string,
): boolean {
  if (!signature) return false;
  const expected = Buffer.from(signTrelloPayload(rawBody, callbackUrl, appSecret));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
