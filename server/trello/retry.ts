export type RetryPolicy = {
  /** Total tries per request, the first one included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
};

// Six tries span roughly the 10 s Trello rate-limit window before the job goes back to
// BullMQ, which has its own, longer back-off.
export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseDelayMs: 500, maxDelayMs: 10_000 };

// A 429 means a window is full; retrying sooner than this only earns another 429
// (and Trello 429s every request of a key that collects more than 200 of them per window).
const RATE_LIMITED_FLOOR_MS = 1_000;

/**
 * Delay before the next try after `failedAttempt` (1-based) failed: "full jitter"
 * exponential back-off, so workers that failed together do not retry together.
 * https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 * On 429 it waits at least 1 s, or maxDelayMs if a policy caps delays below that.
 */
export function backoffDelay(
  policy: RetryPolicy,
  failedAttempt: number,
  rateLimited: boolean,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempt - 1));
  const jittered = Math.floor(random() * ceiling);
  if (!rateLimited) return jittered;
  return Math.max(jittered, Math.min(RATE_LIMITED_FLOOR_MS, policy.maxDelayMs));
}
