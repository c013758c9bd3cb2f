import { UnrecoverableError, type Job } from 'bullmq';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { TrelloUnrecoverableError } from '../trello/errors';
import { PermanentError } from './permanent-error';

/** BullMQ's UnrecoverableError with what the logs and the dead-letter list need: the stable code and the original error. */
export type JobFailure = UnrecoverableError & { code: string; cause: unknown };

/**
 * BullMQ retries every failed job unless it throws UnrecoverableError. Trello's 4xx answers (other
 * than 429) and our own PermanentError will not change on a retry, so they end the job; 429, 5xx,
 * network errors and anything unforeseen are retried.
 */
export function toJobError(err: unknown): unknown {
  if (err instanceof TrelloUnrecoverableError || err instanceof PermanentError) {
    return Object.assign(new UnrecoverableError(err.message), { code: err.code, cause: err }) as JobFailure;
  }
  return err;
}

/** A job's payload that does not parse stays malformed on every retry: fail it at once, saying which job it was. */
export function parseJobData<S extends z.ZodType>(schema: S, job: Pick<Job, 'id' | 'name' | 'data'>): z.output<S> {
  const parsed = schema.safeParse(job.data);
  if (parsed.success) return parsed.data;
  throw new PermanentError('job_data_invalid', `job ${job.id ?? '?'} (${job.name}) has a malformed payload: ${parsed.error.message}`, {
    cause: parsed.error,
  });
}

/**
 * Logs a failed attempt: `warn` while BullMQ will try again, `error` on the last attempt or when the
 * failure is permanent, so an alert on errors fires once per job given up on, not once per retry.
 */
export function logJobFailure(log: Logger, job: Pick<Job, 'attemptsMade' | 'opts'>, jobError: unknown, message: string): void {
  const attempt = job.attemptsMade + 1;
  const attempts = job.opts.attempts ?? 1;
  const last = jobError instanceof UnrecoverableError || attempt >= attempts;
  const err = jobError instanceof UnrecoverableError && jobError.cause !== undefined ? jobError.cause : jobError;
  const code = (jobError as { code?: unknown }).code;
  const fields = { err, attempt, attempts, ...(typeof code === 'string' ? { code } : {}), willRetry: !last };
  if (last) log.error(fields, message);
  else log.warn(fields, message);
}
