import { createHmac } from 'node:crypto';

/**
 * Compact JSON as Trello sends it (docs/trello-reference.md §1.5). With `escapeJson` the bytes look like the
 * 2021 raw capture (docs/trello-reference.md §1.3): `/` as `\/` and every UTF-16 code unit above 0x7F as a
 * lower-case `\uXXXX` (so emoji become surrogate pairs, as in the capture). Both
 * characters only ever occur inside JSON strings, so a textual replace is safe.
 */
export function encodeBody(payload: unknown, escapeJson: boolean): Buffer {
  const json = JSON.stringify(payload);
  if (!escapeJson) return Buffer.from(json, 'utf8');
  const escaped = json.replace(/[/\u0080-\uffff]/g, (ch) =>
    ch === '/' ? '\\/' : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return Buffer.from(escaped, 'utf8');
}

/**
 * `X-Trello-Webhook` = base64(HMAC-SHA1(appSecret, rawBody + callbackURL)) over the
 * exact bytes sent (escaped or not) and the callbackURL exactly as registered (docs/trello-reference.md §1.3).
 */
export function signBody(appSecret: string, body: Buffer, callbackURL: string): string {
  return createHmac('sha1', appSecret).update(body).update(callbackURL, 'utf8').digest('base64');
}
