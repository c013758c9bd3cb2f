import { createHash } from 'node:crypto';
import type { Router } from 'express';
import type { ProcessConfig } from '../../rules';
import { apiRouter } from './api-router';
import { powerUpRules } from './powerup-rules';

/**
 * `GET /api/rules`: the part of the process the Power-Up draws its form and readiness from
 * (powerUpRules). The rules are read once at start, so the version (sha1 of the JSON) is too; a
 * revalidation with it costs a 304.
 */
export function rulesRoute(config: ProcessConfig): Router {
  const router = apiRouter();
  const json = JSON.stringify(powerUpRules(config));
  const version = createHash('sha1').update(json).digest('hex');
  const etag = `"${version}"`;
  router.get('/rules', (req, res) => {
    res.set({ ETag: etag, 'Cache-Control': 'private, max-age=60' });
    if (req.fresh) return void res.status(304).end();
    res.type('json').send(`{"config":${json},"version":"${version}"}`);
  });
  return router;
}
