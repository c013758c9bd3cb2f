import { createJwtKeySource } from '../../../server/powerup-api/jwt-public-keys';
import { JwtKeysUnavailableError, PowerUpAuthError } from '../../../server/powerup-api/powerup-auth-error';
import { createTrelloJwtVerifier } from '../../../server/powerup-api/verify-trello-jwt';
import { testLog } from '../../helpers/silent-log';
import { startTrelloSimulator, type DemoBoard, type TrelloSimulator } from '../../simulator';

describe("Trello's JWT public keys", () => {
  let sim: TrelloSimulator;
  let board: DemoBoard;
  beforeAll(async () => {
    sim = await startTrelloSimulator({ appSecret: 'secret' });
    board = sim.seedDemoBoard();
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.resetLogs());

  const keyFetches = () => sim.requests.filter((r) => r.path === '/1/resource/jwt-public-keys').length;
  /** A verifier on the simulator's keys, with a clock the test moves; `mint` issues tokens at that clock. */
  function verifierWithClock() {
    let ms = Date.now();
    const keys = createJwtKeySource({ baseUrl: sim.url, log: testLog(), now: () => ms });
    const verify = createTrelloJwtVerifier({ keys, powerUpId: sim.powerUpId, now: () => ms });
    const check = (token: string) => verify(token).then(() => 'ok', (err: PowerUpAuthError) => err.code);
    const mint = () =>
      sim.mintPowerUpJwt({ idMember: board.members.director.id, idBoard: board.boardId, iat: Math.floor(ms / 1000) });
    return { check, mint, advance: (sec: number) => void (ms += sec * 1000) };
  }

  it('are fetched once for many tokens checked together, and kept for 4 hours', async () => {
    const { check, mint, advance } = verifierWithClock();
    const results = await Promise.all(Array.from({ length: 20 }, () => check(mint())));

    expect(results).toEqual(Array(20).fill('ok'));
    expect(keyFetches()).toBe(1);
    advance(4 * 3600 - 1);
    await check(mint());
    expect(keyFetches()).toBe(1);
    advance(2);
    await check(mint());
    expect(keyFetches()).toBe(2);
  });

  it('follow a rotation: old tokens pass during the overlap, new ones once the keys are fetched again', async () => {
    const { check, mint, advance } = verifierWithClock();
    const oldToken = mint();
    expect(await check(oldToken)).toBe('ok');
    sim.rotateJwtKeys({ overlapMs: 60 * 60_000 });
    const newToken = mint();

    expect(await check(oldToken)).toBe('ok');
    // Fetched under a minute ago: a mismatch does not fetch again yet.
    expect(await check(newToken)).toBe('bad_signature');
    expect(keyFetches()).toBe(1);
    advance(61);
    expect(await check(newToken)).toBe('ok');
    expect(await check(oldToken)).toBe('ok');
    expect(keyFetches()).toBe(2);
  });

  it('cost at most one fetch a minute however many forged tokens arrive', async () => {
    const { check, mint, advance } = verifierWithClock();
    await check(mint());
    sim.rotateJwtKeys({ overlapMs: 0 });
    const unknownKeyToken = mint();
    sim.rotateJwtKeys({ overlapMs: 0 }); // the key that signed it is gone: it stays unknown
    advance(61);

    const results = await Promise.all(Array.from({ length: 50 }, () => check(unknownKeyToken)));
    for (let i = 0; i < 10; i += 1) await check(unknownKeyToken);

    expect(new Set(results)).toEqual(new Set(['bad_signature']));
    expect(keyFetches()).toBe(2);
  });

  it('keep serving from the cache when Trello cannot be reached, and say so when there is no cache', async () => {
    const { check, mint, advance } = verifierWithClock();
    await check(mint());
    advance(5 * 3600);
    sim.failNext({ path: /jwt-public-keys/, status: 500 });
    expect(await check(mint())).toBe('ok');
    expect(keyFetches()).toBe(2);

    sim.failNext({ path: /jwt-public-keys/, status: 500 });
    const empty = createJwtKeySource({ baseUrl: sim.url, log: testLog() });
    const failed = await empty.keys().catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(JwtKeysUnavailableError);
    expect((failed as Error).message).toMatch(/cannot fetch Trello's JWT public keys \(GET .* answered 500\)/);
  });
});
