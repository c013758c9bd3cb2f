import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { healthRoutes, type ReadinessCheck } from './health-routes';
import { webhookRoute, type WebhookRouteOptions } from './webhook-route';

export type AppOptions = Omit<WebhookRouteOptions, 'log'> & {
  log: Logger;
  readiness: ReadinessCheck;
  /** Further surfaces (the Power-Up's pages and API), mounted after the webhook and health routes. */
  routers?: RequestHandler[];
};

export function createApp(opts: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(helmet());
  app.use(
    pinoHttp({
      logger: opts.log,
      // Health probes every few seconds would drown the log.
      autoLogging: { ignore: (req) => ['/healthz', '/readyz', '/metrics'].includes(req.url ?? '') },
      // One short line per request: the query string may carry a token, and the response's
      // security headers (helmet's dozen) are the same on every line.
      serializers: {
        // A client's one-time credentials link is a secret until it is opened: never in the log.
        req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url.split('?')[0]!.replace(/^\/access\/[^/]+/, '/access/[token]') }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(webhookRoute(opts));
  app.use(healthRoutes(opts.readiness));
  for (const router of opts.routers ?? []) app.use(router);
  app.use((_req, res) => void res.status(404).json({ error: 'not_found', message: 'no such route' }));
  app.use(errorHandler(opts.log));
  return app;
}

function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    if (err?.type === 'entity.too.large') {
      return void res.status(413).json({ error: 'body_too_large', message: `the body is larger than ${err.limit} bytes` });
    }
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) log.error({ err }, 'request failed');
    res.status(status).json({ error: status === 500 ? 'internal' : 'bad_request', message: status === 500 ? 'internal error' : String(err.message) });
  };
}
