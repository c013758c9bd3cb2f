import { createHmac } from 'node:crypto';
import { PowerUpAuthError } from '../../../server/powerup-api/powerup-auth-error';
import { createTrelloJwtVerifier } from '../../../server/powerup-api/verify-trello-jwt';
import { signJwt, TRELLO_JWT_HEADER } from '../../simulator';
import { exampleClaims, fixedKeys, manualClock, POWERUP_ID, testKeyPair, T0 } from './jwt-kit';

const trello = testKeyPair();
const clock = manualClock(T0 + 60);
const verify = createTrelloJwtVerifier({ keys: fixedKeys(trello.publicKey), powerUpId: POWERUP_ID, now: clock.now });
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The check a token fails, or 'ok'. */
async function outcome(token: string): Promise<string> {
  try {
    await verify(token);
    return 'ok';
  } catch (err) {
    if (err instanceof PowerUpAuthError) return `${err.code}: ${err.message}`;
    throw err;
  }
}

describe('checking a t.jwt() token', () => {
  it('accepts a token signed by Trello for this Power-Up and returns its claims', async () => {
    const token = signJwt({ ...exampleClaims(), state: 'card-back' }, trello.privateKey);
    await expect(verify(token)).resolves.toEqual({ ...exampleClaims(), state: 'card-back' });
  });

  it('refuses a token signed by any other key, or not signed at all', async () => {
    const token = signJwt(exampleClaims(), testKeyPair().privateKey);
    expect(await outcome(token)).toBe('bad_signature: bad signature');
    expect(await outcome(token.replace(/[^.]+$/, ''))).toBe('bad_signature: bad signature');
  });

  it('refuses a token whose claims were changed after signing', async () => {
    const [header, , signature] = signJwt(exampleClaims(), trello.privateKey).split('.');
    const forged = `${header}.${b64({ ...exampleClaims(), idBoard: 'another-board' })}.${signature}`;
    expect(await outcome(forged)).toBe('bad_signature: bad signature');
  });

  it('refuses an unsigned token (alg "none")', async () => {
    expect(await outcome(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(exampleClaims())}.`)).toBe('bad_algorithm: token is not signed with RS256');
    expect(await outcome(`${b64({ alg: 'none' })}.${b64(exampleClaims())}.AAAA`)).toBe('bad_algorithm: token is not signed with RS256');
  });

  it('refuses an HS256 token keyed with the public key, the classic algorithm swap', async () => {
    const pem = trello.publicKey.export({ type: 'spki', format: 'pem' });
    const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(exampleClaims())}`;
    const mac = createHmac('sha256', pem).update(input).digest('base64url');
    expect(await outcome(`${input}.${mac}`)).toBe('bad_algorithm: token is not signed with RS256');
  });

  it('refuses what is not a compact JWT', async () => {
    for (const junk of ['', 'abc', 'a.b', 'a.b.c.d', '.b.c', 'a$.b.c', 'a.b.c\n', `${'x'.repeat(9000)}.a.b`, `${b64('x').slice(0, -2)}!.a.b`]) {
      expect(await outcome(junk)).toMatch(/^malformed_token/);
    }
  });

  it('refuses a header with a critical extension it does not know, before checking the signature', async () => {
    const header = { alg: 'RS256', typ: 'JWT', crit: ['exp-hint'], 'exp-hint': 1 };
    expect(await outcome(signJwt(exampleClaims(), testKeyPair().privateKey, header))).toMatch(/^malformed_token/);
  });

  it('refuses a token for another Power-Up', async () => {
    const token = signJwt({ ...exampleClaims(), idPlugin: '5e66784c606cb1160a8f5dc1' }, trello.privateKey);
    expect(await outcome(token)).toBe('wrong_plugin: token is for another Power-Up');
  });

  it('refuses a token not issued by Trello', async () => {
    expect(await outcome(signJwt({ ...exampleClaims(), iss: 'someone' }, trello.privateKey))).toBe('wrong_issuer: token is not issued by Trello');
  });

  it('refuses a token without a board or a member', async () => {
    const { idMember: _m, ...noMember } = exampleClaims();
    expect(await outcome(signJwt(noMember, trello.privateKey))).toMatch(/^missing_claims/);
    expect(await outcome(signJwt({ ...exampleClaims(), idBoard: '' }, trello.privateKey))).toMatch(/^missing_claims/);
    expect(await outcome(signJwt({ ...exampleClaims(), exp: String(T0 + 900) }, trello.privateKey))).toMatch(/^missing_claims/);
  });

  it('refuses an expired token, allowing 30 s of clock difference', async () => {
    const issuedLongAgo = exampleClaims(T0 + 60 - 900 - 29);
    expect(await outcome(signJwt(issuedLongAgo, trello.privateKey))).toBe('ok');
    const expired = exampleClaims(T0 + 60 - 900 - 30);
    expect(await outcome(signJwt(expired, trello.privateKey))).toBe('expired: token expired');
  });

  it('refuses a token issued in the future, allowing 30 s of clock difference', async () => {
    expect(await outcome(signJwt(exampleClaims(T0 + 60 + 30), trello.privateKey))).toBe('ok');
    expect(await outcome(signJwt(exampleClaims(T0 + 60 + 31), trello.privateKey))).toBe('issued_in_future: token is issued in the future');
    expect(await outcome(signJwt({ ...exampleClaims(), nbf: T0 + 60 + 31 }, trello.privateKey))).toBe('issued_in_future: token is issued in the future');
  });

  it('accepts the exact header Trello sends and a header without typ', async () => {
    expect(await outcome(signJwt(exampleClaims(), trello.privateKey, TRELLO_JWT_HEADER))).toBe('ok');
    expect(await outcome(signJwt(exampleClaims(), trello.privateKey, { alg: 'RS256' }))).toBe('ok');
  });
});
