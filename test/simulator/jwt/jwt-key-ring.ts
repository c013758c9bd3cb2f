import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { PowerUpJwtClaims } from '../types';
import { signJwt } from './sign-jwt';

type KeyPair = { privateKey: KeyObject; publicPem: string };

export type JwtKeyRing = {
  /** What `GET /1/resource/jwt-public-keys` serves: the current key, plus the previous one during an overlap. */
  publicKeys(): string[];
  mint(claims: PowerUpJwtClaims): string;
  /** A new signing key; the old one stays published for `overlapMs`, as Trello promises "for brief periods". */
  rotate(overlapMs: number): void;
};

/** Trello signs `t.jwt()` tokens with RSA keys it publishes as PEM (docs/trello-reference.md §5.7); one pair is made at start. */
export function createJwtKeyRing(now: () => number): JwtKeyRing {
  let current = generateKeyPair();
  let previous: { pair: KeyPair; until: number } | null = null;
  return {
    publicKeys() {
      // Old first: a verifier must try every key, not just the first one.
      const old = previous && now() < previous.until ? [previous.pair.publicPem] : [];
      return [...old, current.publicPem];
    },
    mint: (claims) => signJwt(claims, current.privateKey),
    rotate(overlapMs) {
      const next = generateKeyPair();
      // The overlap starts once the new key exists: generating it can take a good part of a second.
      previous = { pair: current, until: now() + overlapMs };
      current = next;
    },
  };
}

function generateKeyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}
