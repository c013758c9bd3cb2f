import pino, { type DestinationStream, type Logger } from 'pino';

// Secrets that may ride along in a logged object: Trello's key and token, webhook and app
// secrets, an Authorization header, the token a Power-Up request carries in its query.
const REDACT_PATHS = ['*.token', '*.key', '*.secret', '*.headers.authorization', 'req.query.token'];

/** The one logger the service and its CLIs write with, so none of them can leave the redaction out. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
