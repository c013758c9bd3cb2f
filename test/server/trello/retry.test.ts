import { spentWindows } from '../../../server/trello/rate-limit-headers';
import { createRedactor } from '../../../server/trello/redact-secrets';
import { backoffDelay, DEFAULT_RETRY } from '../../../server/trello/retry';

describe('backoffDelay', () => {
  it('draws from zero up to an exponentially growing ceiling ("full jitter")', () => {
    const policy = { attempts: 6, baseDelayMs: 500, maxDelayMs: 10_000 };

    expect([1, 2, 3, 4].map((attempt) => backoffDelay(policy, attempt, false, () => 0.999))).toEqual([499, 999, 1998, 3996]);
    expect(backoffDelay(policy, 3, false, () => 0)).toBe(0);
  });

  it('never waits longer than maxDelayMs', () => {
    expect(backoffDelay(DEFAULT_RETRY, 20, false, () => 0.999)).toBe(9990);
  });

  it('waits at least a second after a 429, however lucky the draw', () => {
    expect(backoffDelay(DEFAULT_RETRY, 1, true, () => 0)).toBe(1000);
    expect(backoffDelay(DEFAULT_RETRY, 5, true, () => 0.999)).toBe(7992);
  });

  it('lets a policy with tiny delays (tests) go below that second', () => {
    expect(backoffDelay({ attempts: 3, baseDelayMs: 5, maxDelayMs: 20 }, 1, true, () => 0)).toBe(20);
  });
});

describe('spentWindows', () => {
  it('names the windows Trello reports as spent, with their interval', () => {
    const headers = {
      'x-rate-limit-api-key-remaining': '12',
      'x-rate-limit-api-key-interval-ms': '10000',
      'x-rate-limit-api-token-remaining': '0',
      'x-rate-limit-api-token-interval-ms': '10000',
    };

    expect(spentWindows(headers, 5000)).toEqual([{ scope: 'token', ms: 10000 }]);
  });

  it('falls back to our own window when Trello leaves the interval out', () => {
    expect(spentWindows({ 'x-rate-limit-api-key-remaining': '0' }, 5000)).toEqual([{ scope: 'key', ms: 5000 }]);
  });

  it('ignores missing, empty and garbled headers', () => {
    expect(spentWindows({}, 5000)).toEqual([]);
    expect(spentWindows({ 'x-rate-limit-api-token-remaining': '' }, 5000)).toEqual([]);
    expect(spentWindows({ 'x-rate-limit-api-token-remaining': 'many' }, 5000)).toEqual([]);
  });
});

describe('createRedactor', () => {
  it('masks every secret, raw or URL-encoded, and leaves other text alone', () => {
    const redact = createRedactor(['s3cr+t/=', 'tok']);

    expect(redact('a s3cr+t/= b s3cr%2Bt%2F%3D c tok d')).toBe('a *** b *** c *** d');
    expect(redact('nothing here')).toBe('nothing here');
  });

  it('ignores empty secrets instead of masking between every character', () => {
    expect(createRedactor([''])('abc')).toBe('abc');
  });
});
