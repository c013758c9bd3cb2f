import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import { Router, type Express, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import { adminAuth } from './admin-auth';

export const ADMIN_QUEUES_PATH = '/admin/queues';

export type AdminRoutesOptions = {
  /** Unset: the admin surfaces do not exist (every /admin path answers 404). */
  adminToken: string | undefined;
  /** Shown on the dashboard, in this order. */
  queues: readonly Queue[];
  log: Logger;
  /** Further admin endpoints, registered behind the same auth with full paths (`router.post('/admin/…')`). */
  extra?: (router: Router) => void;
};

/** The operator's surfaces under /admin: the queue dashboard (Bull Board) and whatever `extra` adds. */
export function adminRoutes(opts: AdminRoutesOptions): Router {
  const router = Router();
  if (opts.adminToken === undefined) {
    router.use('/admin', (_req, res) => void res.status(404).json({ error: 'not_found', message: 'no such route' }));
    return router;
  }
  router.use('/admin', adminAuth({ adminToken: opts.adminToken, log: opts.log }));
  router.use(ADMIN_QUEUES_PATH, dashboardHeaders, queueDashboard(opts.queues));
  opts.extra?.(router);
  return router;
}

/**
 * helmet's default policy nearly suits Bull Board (its own scripts, inline styles, Google's fonts)
 * but for `upgrade-insecure-requests`: opened over plain HTTP on any host but localhost (an
 * internal address, an SSH tunnel to a name) every script, style and API call is sent to https
 * and fails, and the page stays blank. So the dashboard gets helmet's policy without that
 * directive, with the font hosts named instead of any https origin, and never framed.
 */
const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "script-src-attr 'none'",
  // The loading screen and React set style attributes.
  "style-src 'self' 'unsafe-inline' https://fonts.googleapis.com",
  "font-src 'self' data: https://fonts.gstatic.com",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const dashboardHeaders: RequestHandler = (_req, res, next) => {
  res.set('Content-Security-Policy', DASHBOARD_CSP);
  next();
};

function queueDashboard(queues: readonly Queue[]): RequestHandler {
  const adapter = new ExpressAdapter().setBasePath(ADMIN_QUEUES_PATH);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue)),
    // @bull-board/api is pinned to the version @bull-board/express 9.10.1 (its newest) depends on:
    // one copy, so the adapter's types match.
    serverAdapter: adapter,
    options: { uiConfig: { boardTitle: 'Gatekeeper' } },
  });
  // Bull Board serves from an Express app of its own, which would announce itself again.
  const dashboard = adapter.getRouter() as Express;
  dashboard.disable('x-powered-by');
  return dashboard;
}
