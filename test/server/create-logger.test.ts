import { Writable } from 'node:stream';
import { createLogger } from '../../server/create-logger';

function written(): { stream: Writable; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(text) as Record<string, unknown>);
      done();
    },
  });
  return { stream, lines };
}

describe('the logger the service and its CLIs share', () => {
  it('masks the Trello key and token, secrets, an Authorization header and a token in the query', () => {
    const { stream, lines } = written();
    const log = createLogger('info', stream);
    log.info({
      trello: { key: 'k-123', token: 't-456' },
      notify: { secret: 's-789' },
      req: { headers: { authorization: 'Bearer abc' }, query: { token: 'jwt' } },
    }, 'started');
    const text = JSON.stringify(lines);
    for (const secret of ['k-123', 't-456', 's-789', 'Bearer abc', 'jwt']) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ msg: 'started', trello: { key: '[redacted]', token: '[redacted]' } });
  });

  it('writes at the level it is given', () => {
    const { stream, lines } = written();
    const log = createLogger('warn', stream);
    log.info('not shown');
    log.warn('shown');
    expect(lines.map((line) => line.msg)).toEqual(['shown']);
  });
});
