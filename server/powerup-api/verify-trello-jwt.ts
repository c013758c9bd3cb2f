import { verify, type KeyObject } from 'node:crypto';
import type { JwtKeySource } from './jwt-public-keys';
import { PowerUpAuthError } from './powerup-auth-error';
import { JwtHeader, TrelloJwtClaims } from './schema';

export type VerifyTrelloJwt = (token: string) => Promise<TrelloJwtClaims>;

type Parts = { header: unknown; claims: unknown; signingInput: Buffer; signature: Buffer };

// t.jwt() tokens are short; `state` alone may be 2048 characters (docs/trello-reference.md §5.7).
const MAX_TOKEN_LENGTH = 8192;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Checks a `t.jwt()` token the way Trello's own sample does (docs/trello-reference.md §5.7): RS256 over
 * `header.payload` with any of Trello's published keys (there is no `kid`), then issuer, plugin
 * and lifetime. Throws PowerUpAuthError naming the first check that failed.
 */
export function createTrelloJwtVerifier(opts: {
  keys: JwtKeySource;
  powerUpId: string;
  now?: () => number;
  /** Clock difference tolerated between Trello and us, in seconds. */
  leewaySec?: number;
}): VerifyTrelloJwt {
  const now = opts.now ?? Date.now;
  const leeway = opts.leewaySec ?? 30;
  return async (token) => {
    const parts = splitToken(token);
    if (!JwtHeader.safeParse(parts.header).success) throw new PowerUpAuthError('bad-algorithm');
    await checkSignature(parts, opts.keys);
    return checkClaims(parts.claims, opts.powerUpId, now() / 1000, leeway);
  };
}

function splitToken(token: string): Parts {
  const segments = token.split('.');
  const [header = '', payload = '', signature = ''] = segments;
  // An empty signature is let through here so that `alg: none` is refused by name, as such.
  const wellFormed = segments.length === 3 && header !== '' && payload !== '' && segments.every((s) => BASE64URL.test(s));
  if (token.length > MAX_TOKEN_LENGTH || !wellFormed) throw new PowerUpAuthError('malformed-token');
  return {
    header: decodeJson(header),
    claims: decodeJson(payload),
    signingInput: Buffer.from(`${header}.${payload}`),
    signature: Buffer.from(signature, 'base64url'),
  };
}

function decodeJson(segment: string): unknown {
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    throw new PowerUpAuthError('malformed-token');
  }
}

async function checkSignature(parts: Parts, source: JwtKeySource): Promise<void> {
  if (signedByAny(parts, await source.keys())) return;
  // Trello may have rotated its key since we cached the list: look once more, at most once a minute.
  const fresh = await source.refetch();
  if (fresh && signedByAny(parts, fresh)) return;
  throw new PowerUpAuthError('bad-signature');
}

function signedByAny(parts: Parts, keys: KeyObject[]): boolean {
  return keys.some((key) => verify('RSA-SHA256', parts.signingInput, key, parts.signature));
}

function checkClaims(raw: unknown, powerUpId: string, nowSec: number, leeway: number): TrelloJwtClaims {
  const claims = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (claims['iss'] !== 'trello') throw new PowerUpAuthError('wrong-issuer');
  if (claims['idPlugin'] !== powerUpId) throw new PowerUpAuthError('wrong-plugin');
  const parsed = TrelloJwtClaims.safeParse(claims);
  if (!parsed.success) throw new PowerUpAuthError('missing-claims');
  if (parsed.data.exp + leeway <= nowSec) throw new PowerUpAuthError('expired');
  if (parsed.data.iat - leeway > nowSec) throw new PowerUpAuthError('issued-in-future');
  return parsed.data;
}
