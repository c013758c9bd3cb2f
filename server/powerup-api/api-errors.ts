import type { ErrorRequestHandler } from 'express';
import type { z } from 'zod';
import type { Logger } from 'pino';
import { TrelloRequestError } from '../trello/errors';
import { JwtKeysUnavailableError, PowerUpAuthError } from './powerup-auth-error';

/** A refusal with its own status and a message that names what is wrong. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A request's body or query read by its schema, or a 400 `code` naming every field at fault. */
export function parseRequest<T extends z.ZodType>(schema: T, input: unknown, code: string, what: 'body' | 'query'): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : what}: ${issue.message}`);
  throw new ApiError(400, code, problems.join('; '));
}

/** Every failure of /api as `{error, message}`; anything unknown goes on to the app's 500 handler. */
export function apiErrorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, next) => {
    if (err instanceof PowerUpAuthError) {
      // info, not warn: an expired token is a Power-Up left open overnight, not an attack.
      log.info({ code: err.code }, 'power-up token refused');
      return void res.status(401).json({ error: 'unauthorized', message: err.message });
    }
    if (err instanceof JwtKeysUnavailableError) {
      log.error({ err }, 'cannot check power-up tokens');
      return void res.status(503).json({ error: 'keys_unavailable', message: err.message });
    }
    if (err instanceof ApiError) return void res.status(err.status).json({ error: err.code, message: err.message });
    if (err instanceof TrelloRequestError) return trelloFailure(err, log, res);
    next(err);
  };
}

function trelloFailure(err: TrelloRequestError, log: Logger, res: Parameters<ErrorRequestHandler>[2]): void {
  if (err.code === 'trello_not_found') {
    return void res.status(404).json({ error: 'not_found', message: 'Trello has no such card or board, or the service cannot see it' });
  }
  log.error({ err }, 'trello call failed');
  const status = err.retryable ? 503 : 502;
  res.status(status).json({ error: 'trello_unavailable', message: 'Trello did not answer as expected; try again shortly' });
}
