import { RetryableDeliveryError, retryAfterHeader } from '../../../server/notify/delivery-errors';
import { notifyBackoff } from '../../../server/notify/delivery-policy';

const job = (delay: number) => ({ opts: { backoff: { type: 'notify', delay } } }) as Parameters<typeof notifyBackoff>[3];

describe('the back-off of a notification job', () => {
  it('doubles from the base delay with each attempt', () => {
    expect([1, 2, 3, 4].map((attempt) => notifyBackoff(attempt, 'notify', new Error('500'), job(5_000)))).toEqual([5_000, 10_000, 20_000, 40_000]);
  });

  it("waits exactly as long as the receiver asked, shorter or longer than the back-off", () => {
    expect(notifyBackoff(1, 'notify', new RetryableDeliveryError('429', 30_000), job(5_000))).toBe(30_000);
    expect(notifyBackoff(5, 'notify', new RetryableDeliveryError('429', 1_000), job(5_000))).toBe(1_000);
  });
});

describe('reading a Retry-After header', () => {
  it('takes seconds or an HTTP date, and ignores anything else', () => {
    const now = Date.parse('2026-11-20T10:00:00Z');
    expect(retryAfterHeader('120', now)).toBe(120_000);
    expect(retryAfterHeader('Fri, 20 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterHeader('soon', now)).toBeUndefined();
    expect(retryAfterHeader(undefined, now)).toBeUndefined();
  });
});
