import { invalid, valid, type FieldResult } from './field-result';

type UrlParams = { schemes?: readonly string[] | undefined };

const WEB = ['http', 'https'];

/**
 * An absolute address with a host. Web pages need http(s); stream sources may allow more
 * (icecast, rtmp, srt…) through the field's `schemes`. The global WHATWG `URL` parses it, the same
 * in Node and in the browser.
 */
export function validateUrl(value: unknown, params: UrlParams = {}): FieldResult<string> {
  const schemes = params.schemes ?? WEB;
  const text = typeof value === 'string' ? value.trim() : '';
  const url = parse(text);
  if (!url || url.hostname === '' || /\s/.test(text)) {
    return invalid(`неверный адрес; пример: ${schemes[0]}://example.com`, `not a valid address; example: ${schemes[0]}://example.com`);
  }
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  if (!schemes.includes(scheme)) {
    const allowed = schemes.map((s) => `${s}://`).join(', ');
    return invalid(`адрес должен начинаться с ${allowed}`, `must start with ${allowed}`);
  }
  return valid(text);
}

function parse(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
