import { Router } from 'express';
import type { Metrics } from '../metrics/create-metrics';

/** Prometheus's scrape endpoint: this process's counters plus the shared state read from Redis. */
export function metricsRoute(metrics: Pick<Metrics, 'registry'>): Router {
  const router = Router();
  router.get('/metrics', async (_req, res) => {
    const body = await metrics.registry.metrics();
    res.set('Content-Type', metrics.registry.contentType).send(body);
  });
  return router;
}
