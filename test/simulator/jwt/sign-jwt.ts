import { sign, type KeyObject } from 'node:crypto';

/** The header Trello puts on every `t.jwt()` token (docs/trello-reference.md §5.7): RS256, no `kid`. */
export const TRELLO_JWT_HEADER = { alg: 'RS256', typ: 'JWT' } as const;

export function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

/**
 * A compact JWS: base64url(header).base64url(claims).base64url(RSA-SHA256 signature).
 * Tests also use it to forge tokens (another key, another header), so both are parameters.
 */
export function signJwt(
  claims: Record<string, unknown>,
  privateKey: KeyObject,
  header: Record<string, unknown> = TRELLO_JWT_HEADER,
): string {
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  return `${signingInput}.${base64url(sign('RSA-SHA256', Buffer.from(signingInput), privateKey))}`;
}
