/**
 * A delivery that may go through later: the receiver was busy (429), broken (5xx) or unreachable.
 * Retried with exponential back-off, or after `retryAfterMs` when the receiver said when to return.
 */
export class RetryableDeliveryError extends Error {
  override readonly name = 'RetryableDeliveryError';
  readonly code = 'notify_retryable';
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/**
 * A delivery that would fail the same way every time: an unknown chat, a refused address, a
 * revoked token. Not retried; recorded as a dead letter at once.
 */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
  readonly code = 'notify_permanent';
}

/**
 * An HTTP answer that is not a success, as a delivery error: 408, 429 and 5xx may pass on a
 * retry, any other 4xx will not.
 */
export function httpDeliveryError(message: string, status: number, retryAfterMs?: number): Error {
  if (status === 408 || status === 429 || status >= 500) return new RetryableDeliveryError(message, retryAfterMs);
  return new PermanentDeliveryError(message);
}

/** A `Retry-After` header in seconds or as an HTTP date, in milliseconds; undefined when absent or odd. */
export function retryAfterHeader(value: unknown, now = Date.now()): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
