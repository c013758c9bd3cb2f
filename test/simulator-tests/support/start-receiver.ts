import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a callback server saw: the raw bytes exactly as they came off the socket. */
export type Received = { method: string; path: string; headers: http.IncomingHttpHeaders; raw: Buffer };

/** How to answer the n-th POST (0-based): a status, optionally after a delay. */
export type Responder = (received: Received, index: number) => { status: number; delayMs?: number };

export type Receiver = {
  url: string;
  received: Received[];
  posts(): Received[];
  heads(): Received[];
  respondWith(responder: Responder): void;
  close(): Promise<void>;
};

/** A tiny node:http callback server standing in for the Gatekeeper webhook route. */
export async function startReceiver(headStatus = 200): Promise<Receiver> {
  const received: Received[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let responder: Responder = () => ({ status: 200 });
  let posts = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const entry = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, raw: Buffer.concat(chunks) };
      received.push(entry);
      const { status, delayMs = 0 } = req.method === 'HEAD' ? { status: headStatus } : responder(entry, posts++);
      const timer = setTimeout(() => {
        timers.delete(timer);
        res.statusCode = status;
        res.end();
      }, delayMs);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    posts: () => received.filter((r) => r.method === 'POST'),
    heads: () => received.filter((r) => r.method === 'HEAD'),
    respondWith(next) {
      responder = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
