import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { HostBundles } from './host-bundles';
import { HOST_PAGE_HTML } from './host-page-html';

export type HostServer = { origin: string; close(): Promise<void> };

/**
 * Serves the host page on its own origin (http://localhost:…, while the service is on
 * http://127.0.0.1:…), so the Power-Up's pages are cross-origin iframes, as on trello.com.
 */
export async function startHostServer(bundles: HostBundles): Promise<HostServer> {
  const app = express();
  app.get('/', (_req, res) => void res.type('html').send(HOST_PAGE_HTML));
  app.get('/host.js', (_req, res) => void res.type('js').send(bundles.hostPage));
  const server: Server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    origin: `http://localhost:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
