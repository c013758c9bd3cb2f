import net from 'node:net';
import { once } from 'node:events';

export type TcpProxy = { url: string; port: number; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> };

/**
 * A real TCP hop in front of Redis that a test can cut, to see what the service does when Redis goes
 * away mid-run (the shared Redis itself must stay up for the other tests). Cut means what a stopped
 * Redis means to a client: open connections drop and new ones are refused.
 */
export async function startTcpProxy(targetPort = 6379, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let server = await listen(0);
  const port = (server.address() as net.AddressInfo).port;

  function listen(onPort: number): Promise<net.Server> {
    const s = net.createServer((client) => {
      const upstream = net.connect(targetPort, targetHost);
      for (const end of [client, upstream]) {
        sockets.add(end);
        end.on('close', () => sockets.delete(end));
        end.on('error', () => end.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    s.listen(onPort, '127.0.0.1');
    return once(s, 'listening').then(() => s);
  }
  async function stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const s of sockets) s.destroy();
    await closed;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    cut: stop,
    async restore() {
      server = await listen(port);
    },
    close: () => (server.listening ? stop() : Promise.resolve()),
  };
}
