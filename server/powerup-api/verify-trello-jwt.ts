import type { KeyObject } from 'node:crypto';
import { errors, jwtVerify, type JWTPayload } from 'jose';
import type { JwtKeySource } from './jwt-public-keys';
import { PowerUpAuthError, type PowerUpAuthCode } from './powerup-auth-error';
import { TrelloJwtClaims } from './schema';

export type VerifyTrelloJwt = (token: string) => Promise<TrelloJwtClaims>;

// t.jwt() tokens are short; `state` alone may be 2048 characters (docs/trello-reference.md §5.7).
const MAX_TOKEN_LENGTH = 8192;
// jose decodes base64url leniently (stray characters are skipped), so the compact form is checked here.
const COMPACT_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * Checks a `t.jwt()` token the way Trello's own sample does (docs/trello-reference.md §5.7): RS256 with
 * any of Trello's published keys (there is no `kid`), then issuer, lifetime and plugin.
 * Throws PowerUpAuthError naming the first check that failed.
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
    if (token.length > MAX_TOKEN_LENGTH || !COMPACT_JWT.test(token)) throw new PowerUpAuthError('malformed_token');
    const at = new Date(now());
    let payload = await verifyWithAny(token, await opts.keys.keys(), at, leeway);
    if (!payload) {
      // Trello may have rotated its key since we cached the list: look once more, at most once a minute.
      const fresh = await opts.keys.refetch();
      if (fresh) payload = await verifyWithAny(token, fresh, at, leeway);
    }
    if (!payload) throw new PowerUpAuthError('bad_signature');
    return checkClaims(payload, opts.powerUpId, at.getTime() / 1000, leeway);
  };
}

/** The verified claims, or null when no key's signature matches; any other refusal is thrown. */
async function verifyWithAny(token: string, keys: KeyObject[], at: Date, leeway: number): Promise<JWTPayload | null> {
  for (const key of keys) {
    try {
      const { payload } = await jwtVerify(token, key, { algorithms: ['RS256'], issuer: 'trello', clockTolerance: leeway, currentDate: at });
      return payload;
    } catch (err) {
      if (err instanceof errors.JWSSignatureVerificationFailed) continue;
      const code = refusalOf(err);
      throw code ? new PowerUpAuthError(code) : err;
    }
  }
  return null;
}

function refusalOf(err: unknown): PowerUpAuthCode | null {
  if (err instanceof errors.JOSEAlgNotAllowed) return 'bad_algorithm';
  if (err instanceof errors.JWTExpired) return 'expired';
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'iss') return 'wrong_issuer';
    if (err.reason === 'check_failed' && (err.claim === 'nbf' || err.claim === 'iat')) return 'issued_in_future';
    return 'missing_claims'; // a time claim that is not a number
  }
  // JOSENotSupported: a `crit` header extension jose does not know, refused before the signature is checked.
  if (err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid || err instanceof errors.JOSENotSupported) return 'malformed_token';
  return null;
}

function checkClaims(payload: JWTPayload, powerUpId: string, nowSec: number, leeway: number): TrelloJwtClaims {
  if (payload['idPlugin'] !== powerUpId) throw new PowerUpAuthError('wrong_plugin');
  const parsed = TrelloJwtClaims.safeParse(payload);
  if (!parsed.success) throw new PowerUpAuthError('missing_claims');
  // jose checks `iat` only together with a maximum token age, which Trello does not define.
  if (parsed.data.iat - leeway > nowSec) throw new PowerUpAuthError('issued_in_future');
  return parsed.data;
}
