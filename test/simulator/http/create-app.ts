import express, { type ErrorRequestHandler, type Express } from 'express';
import type { SimContext } from '../context';
import { SimError } from '../errors';
import { boardsRoutes } from '../routes/boards-routes';
import { cardActionsRoutes } from '../routes/card-actions-routes';
import { cardsRoutes } from '../routes/cards-routes';
import { checklistsRoutes } from '../routes/checklists-routes';
import { jwtKeysRoutes } from '../routes/jwt-keys-routes';
import { listsRoutes } from '../routes/lists-routes';
import { membersRoutes } from '../routes/members-routes';
import { webhooksRoutes } from '../routes/webhooks-routes';
import type { FailRule, RequestHook, RequestRecord } from '../types';
import { authenticate } from './authenticate';
import { createFaultInjector } from './fault-injector';
import { createRequestHooks } from './request-hooks';
import { createRateLimit } from './rate-limit';
import { requestLog } from './request-log';

export type SimApp = { app: Express; failNext(rule: FailRule): void; onRequest(hook: RequestHook): () => void };

/**
 * The REST surface under /1. Order matters: log → rate-limit headers → failNext →
 * body parsing → public routes (JWT keys) → auth → rate-limit counting → routes → Trello-style errors.
 */
export function createApp(ctx: SimContext, requests: RequestRecord[]): SimApp {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const faults = createFaultInjector();
  const hooks = createRequestHooks();
  const rateLimit = createRateLimit(ctx.options.rateLimit, ctx.state.now);

  app.use(requestLog(requests, ctx.state.now));
  app.use(rateLimit.headers);
  app.use(hooks.middleware);
  app.use(faults.middleware);
  app.use(express.json({ limit: '1mb' }), express.urlencoded({ extended: false }));
  app.use('/1', jwtKeysRoutes(ctx));
  app.use('/1', authenticate(ctx.state, ctx.key, ctx.appId), rateLimit.enforce);
  for (const routes of [cardsRoutes, cardActionsRoutes, checklistsRoutes, boardsRoutes, listsRoutes, membersRoutes, webhooksRoutes]) {
    app.use('/1', routes(ctx));
  }
  app.use((_req, res) => {
    res.status(404).type('text/plain').send('The requested resource was not found.');
  });
  app.use(errorHandler(ctx));
  return { app, failNext: faults.add, onRequest: hooks.add };
}

function errorHandler(ctx: SimContext): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    if (error instanceof SimError) {
      if (typeof error.body === 'string') res.status(error.status).type('text/plain').send(error.body);
      else res.status(error.status).json(error.body);
      return;
    }
    // body-parser errors carry a 4xx status (malformed JSON, too large).
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(status).type('text/plain').send('invalid request body');
      return;
    }
    ctx.options.log(`[simulator] internal error: ${error instanceof Error ? error.stack : String(error)}`);
    res.status(500).type('text/plain').send('Internal Server Error');
  };
}
