import pino from 'pino';

/** Tests log nothing unless LOG_LEVEL asks for it (handy when a test fails). */
export function testLog(): pino.Logger {
  return pino({ level: process.env.LOG_LEVEL ?? 'silent' });
}
