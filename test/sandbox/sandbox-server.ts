import { once } from 'node:events';
import type { Server } from 'node:http';
import express, { type Request, type Response } from 'express';
import { powerupStatic } from '../../server/http/powerup-static';
import type { Stack } from '../stack/start-stack';
import { readSandboxBoard } from './sandbox-board';
import { isSandboxRole, type SandboxRole } from './sandbox-roles';
import type { SandboxBundles } from './sandbox-bundles';
import { SANDBOX_PAGE_HTML } from './sandbox-page-html';

export type SandboxServer = { url: string; close(): Promise<void> };

/**
 * One local server with two origins, as Trello and the service are two: the board page at
 * http://localhost:port (it plays trello.com), the Power-Up at http://127.0.0.1:port/powerup,
 * framed from the board page, with its /api passed on to the service. The board page reads and
 * moves cards on the simulator through /sandbox/*, always as the member it names.
 */
export async function startSandboxServer(opts: { stack: Stack; port: number; distDir: string; bundles: SandboxBundles; cardIds: () => string[] }): Promise<SandboxServer> {
  const { stack } = opts;
  const boardOrigin = `http://localhost:${opts.port}`;
  const app = express();
  app.use(express.json({ limit: '64kb' }));
  app.get('/', (_req, res) => void res.type('html').send(SANDBOX_PAGE_HTML));
  app.get('/host.js', (_req, res) => void res.type('js').send(opts.bundles.hostPage));
  app.get('/sandbox.js', (_req, res) => void res.type('js').send(opts.bundles.sandboxPage));
  app.use(powerupStatic({ distDir: opts.distDir, frameAncestors: [boardOrigin] }));
  app.use('/api', (req, res) => void passToService(stack.env.PUBLIC_URL, req, res));

  const member = (req: Request): SandboxRole => {
    const role = req.query['member'] ?? (req.body as { member?: unknown } | undefined)?.member;
    if (!isSandboxRole(role)) throw new HttpError(400, `unknown member ${JSON.stringify(role)}: one of director, manager, engineer, accountant`);
    return role;
  };
  const username = (role: SandboxRole) => stack.board.members[role].username;
  const knownCard = (id: unknown): string => {
    if (typeof id !== 'string' || !opts.cardIds().includes(id)) throw new HttpError(404, `no card ${JSON.stringify(id)} on the sandbox board`);
    return id;
  };
  app.get('/sandbox/board', (req, res) => void res.json(readSandboxBoard(stack.sim, stack.board, opts.cardIds(), member(req))));
  app.get('/sandbox/jwt', (req, res) => {
    const role = member(req);
    res.type('text').send(stack.sim.mintPowerUpJwt({ idMember: stack.board.members[role].id, idBoard: stack.board.boardId }));
  });
  app.post('/sandbox/plugin-data', (req, res) => {
    const body = req.body as { cardId?: unknown; value?: unknown };
    if (typeof body.value !== 'object' || body.value === null) throw new HttpError(400, 'value must be the card\'s whole shared pluginData object');
    stack.sim.ui(username(member(req))).setPluginData(knownCard(body.cardId), body.value as Record<string, unknown>);
    res.status(204).end();
  });
  // Trello's own checklists, which the page has no other way to tick (the service adds them per stage).
  app.post('/sandbox/check-item', (req, res) => {
    const body = req.body as { cardId?: unknown; checklist?: unknown; item?: unknown; complete?: unknown };
    if (typeof body.checklist !== 'string' || typeof body.item !== 'string' || typeof body.complete !== 'boolean') {
      throw new HttpError(400, 'checklist and item (names) and complete (true or false) are required');
    }
    stack.sim.ui(username(member(req))).checkItem(knownCard(body.cardId), body.checklist, body.item, body.complete);
    res.status(204).end();
  });
  // A drag on the board: the move is the member's, as in Trello; the answer comes once the service
  // has judged it (and reverted it, if it breaks a rule), so the page shows where the card ended up.
  app.post('/sandbox/move', async (req, res) => {
    const body = req.body as { cardId?: unknown; listId?: unknown };
    const id = knownCard(body.cardId);
    const list = Object.entries(stack.board.lists).find(([, listId]) => listId === body.listId)?.[0];
    if (!list) throw new HttpError(400, `no list ${JSON.stringify(body.listId)} on the board`);
    stack.sim.ui(username(member(req))).moveCard(id, list);
    await stack.settle();
    res.json({ idList: stack.sim.card(id).idList });
  });
  app.use((err: unknown, _req: Request, res: Response, _next: () => void) => {
    const status = err instanceof HttpError ? err.status : 500;
    res.status(status).json({ error: err instanceof Error ? err.message : String(err) });
  });

  const server: Server = app.listen(opts.port, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `${boardOrigin}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** The Power-Up's API calls, passed on to the service unchanged (its token, its answer). */
async function passToService(serviceUrl: string, req: Request, res: Response): Promise<void> {
  const headers: Record<string, string> = {};
  for (const name of ['authorization', 'content-type', 'accept']) {
    const value = req.get(name);
    if (value) headers[name] = value;
  }
  const hasBody = !['GET', 'HEAD'].includes(req.method);
  try {
    const answer = await fetch(`${serviceUrl}/api${req.url}`, { method: req.method, headers, ...(hasBody ? { body: JSON.stringify(req.body ?? {}) } : {}) });
    res.status(answer.status);
    const type = answer.headers.get('content-type');
    if (type) res.type(type);
    const disposition = answer.headers.get('content-disposition');
    if (disposition) res.set('Content-Disposition', disposition);
    res.send(Buffer.from(await answer.arrayBuffer()));
  } catch (err) {
    res.status(502).json({ error: `the service at ${serviceUrl} did not answer ${req.method} /api${req.url}: ${(err as Error).message}` });
  }
}
