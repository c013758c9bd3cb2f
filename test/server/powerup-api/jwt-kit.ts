import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { JwtKeySource } from '../../../server/powerup-api/jwt-public-keys';
import { manualClock as manualMsClock } from '../../helpers/manual-clock';

export const POWERUP_ID = '5e66784c606cb1160a8f5dc0';
/** 2020-03-10T16:44:28Z, the `iat` of the docs/trello-reference.md §5.7 example token. */
export const T0 = 1583858668;

/** A clock the test moves by hand in seconds (JWT times are whole seconds); `now` is epoch milliseconds. */
export function manualClock(startSec = T0) {
  const clock = manualMsClock(startSec * 1000);
  return { now: clock.now, advance: (sec: number) => clock.advance(sec * 1000) };
}

/** A key pair of the test's own, for tokens whose claims the test writes itself. */
export function testKeyPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

/** Keys that never change: the claim checks are about the claims, not about fetching keys. */
export function fixedKeys(...keys: KeyObject[]): JwtKeySource {
  return { keys: async () => keys, refetch: async () => null };
}

/** The docs/trello-reference.md §5.7 example claims, issued at `iat`. */
export function exampleClaims(iat = T0): Record<string, unknown> {
  return {
    idPlugin: POWERUP_ID,
    idBoard: '5e667811606cb1160a8f5bf7',
    idMember: '5e645dc2c4205e1416218404',
    iat,
    exp: iat + 900,
    iss: 'trello',
  };
}
