/**
 * A failure that no retry can mend: the board or the data is not as the process needs it (a stage's
 * list is missing, a job's payload is malformed). Jobs that throw it fail at once (server/queue/job-errors.ts)
 * instead of being retried for minutes. `code` is a stable SCREAMING_SNAKE_CASE name, spelled like
 * the Trello client's codes, for logs and alerts to match on.
 */
export class PermanentError extends Error {
  override readonly name = 'PermanentError';
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
