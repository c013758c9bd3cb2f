import type { Router } from 'express';
import { apiRouter } from '../powerup-api/api-router';
import { cardHistoryRoute } from './card-history-route';
import { decisionsRoute } from './decisions-route';
import { exportsRoutes } from './exports-routes';
import type { ReportDeps } from './report-deps';
import { summaryRoute } from './summary-route';
import { takeRoute } from './take-route';

/** The director's view under /api: summary, decisions, a card's history, «Беру» and the exports. */
export function reportsRouter(deps: ReportDeps): Router {
  const router = apiRouter();
  for (const routes of [summaryRoute, decisionsRoute, cardHistoryRoute, takeRoute, exportsRoutes]) router.use(routes(deps));
  return router;
}
