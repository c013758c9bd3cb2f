import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One canned answer. `body` strings go out as text/plain, anything else as JSON. */
export type ScriptedReply =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | { hang: true } // never answers: for timeouts
  | { reset: true }; // destroys the socket: for network errors

export type RecordedRequest = { method: string; path: string; query: Record<string, string>; at: number };

export type ScriptedTrello = {
  baseUrl: string;
  requests: RecordedRequest[];
  /** Queues replies for one method + path (path without query), answered in order. */
  script(method: string, path: string, ...replies: ScriptedReply[]): void;
  /** The reply once the queue for method + path is empty. */
  always(method: string, path: string, reply: ScriptedReply): void;
  close(): Promise<void>;
};

/**
 * A real HTTP server that stands in for Trello until the simulator in test/simulator is
 * ready: the client under test goes through real sockets, timeouts and resets. Anything
 * unscripted gets 418, which the client treats as unrecoverable, so a forgotten script
 * fails fast instead of retrying.
 */
export async function startScriptedTrello(): Promise<ScriptedTrello> {
  const queues = new Map<string, ScriptedReply[]>();
  const fallbacks = new Map<string, ScriptedReply>();
  const requests: RecordedRequest[] = [];

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    const method = req.method ?? 'GET';
    requests.push({ method, path: url.pathname, query: Object.fromEntries(url.searchParams), at: Date.now() });
    const id = `${method} ${url.pathname}`;
    const reply = queues.get(id)?.shift() ?? fallbacks.get(id) ?? { status: 418, body: `no scripted reply for ${id}` };
    answer(req, res, reply);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');

  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    script(method, path, ...replies) {
      const id = `${method} ${path}`;
      queues.set(id, [...(queues.get(id) ?? []), ...replies]);
    },
    always(method, path, reply) {
      fallbacks.set(`${method} ${path}`, reply);
    },
    async close() {
      server.closeAllConnections(); // hanging requests included
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function answer(req: http.IncomingMessage, res: http.ServerResponse, reply: ScriptedReply): void {
  if ('hang' in reply) return;
  if ('reset' in reply) return void req.socket.destroy();
  const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
  const type = typeof reply.body === 'string' ? 'text/plain' : 'application/json';
  res.writeHead(reply.status, { 'content-type': type, ...reply.headers });
  res.end(text);
}
