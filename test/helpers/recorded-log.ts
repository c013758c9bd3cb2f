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
