import net from 'node:net';
import { once } from 'node:events';

/** A port that was free a moment ago: the service must know its PUBLIC_URL before it listens. */
export async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
