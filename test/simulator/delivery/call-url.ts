import http from 'node:http';
import https from 'node:https';

export type Call = {
  method: 'HEAD' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: Buffer;
  timeoutMs: number;
  /** Aborted by `sim.close()`, so nothing outlives the simulator. */
  signal: AbortSignal;
};

/**
 * One outgoing request, resolved with the status once the response has ended.
 * `agent: false` gives a fresh connection closed afterwards: no keep-alive socket
 * survives `close()`. A response slower than `timeoutMs` rejects (docs/trello-reference.md §1.4 timeout).
 */
export function callUrl(call: Call): Promise<number> {
  return new Promise((resolve, reject) => {
    const target = new URL(call.url);
    const transport = target.protocol === 'https:' ? https : http;
    const headers = { ...call.headers, 'content-length': String(call.body?.length ?? 0) };
    const request = transport.request(target, { method: call.method, headers, agent: false, signal: call.signal });
    const timer = setTimeout(() => request.destroy(new Error(`timeout after ${call.timeoutMs} ms`)), call.timeoutMs);
    const settle = (fn: () => void) => {
      clearTimeout(timer);
      fn();
    };
    request.on('response', (response) => {
      response.on('end', () => settle(() => resolve(response.statusCode ?? 0)));
      response.on('error', (error) => settle(() => reject(error)));
      response.resume();
    });
    request.on('error', (error) => settle(() => reject(error)));
    request.end(call.body);
  });
}
