import { UnrecoverableError } from 'bullmq';
import { TrelloUnrecoverableError } from '../trello/errors';

/**
 * BullMQ retries every failed job unless it throws UnrecoverableError. Trello's 4xx answers (other
 * than 429) will not change on a retry, so they end the job; 429, 5xx and network errors are retried.
 */
export function toJobError(err: unknown): unknown {
  if (err instanceof TrelloUnrecoverableError) return new UnrecoverableError(err.message);
  return err;
}
