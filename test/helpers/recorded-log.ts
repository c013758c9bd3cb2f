import { Writable } from 'node:stream';
import pino from 'pino';

export type LogLine = { level: string; msg: string; [field: string]: unknown };

/** A real pino logger whose lines the test can read back, level names included. */
export function recordedLog(): { log: pino.Logger; lines: LogLine[]; at(level: string): LogLine[] } {
  const lines: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(text) as LogLine);
      done();
    },
  });
  const log = pino({ level: 'debug', formatters: { level: (label) => ({ level: label }) } }, sink);
  return { log, lines, at: (level) => lines.filter((line) => line.level === level) };
}

/** Polls `check` until it holds, or fails the test with `what` after `timeoutMs`. */
export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`[test] timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
