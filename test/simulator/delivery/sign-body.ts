import { createHmac } from 'node:crypto';

/**
 * `X-Trello-Webhook` = base64(HMAC-SHA1(appSecret, rawBody + callbackURL)) over the
 * exact bytes sent and the callbackURL exactly as registered (§1.3).
 */
export function signBody(appSecret: string, body: Buffer, callbackURL: string): string {
  return createHmac('sha1', appSecret).update(body).update(callbackURL, 'utf8').digest('base64');
}
