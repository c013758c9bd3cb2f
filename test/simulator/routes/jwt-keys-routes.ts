import { Router } from 'express';
import type { SimContext } from '../context';

/**
 * `GET /1/resource/jwt-public-keys` → `{keys: [PEM, …]}` (docs/trello-reference.md §5.7). Public on Trello: no key or
 * token, so it is mounted before authentication.
 */
export function jwtKeysRoutes(ctx: SimContext): Router {
  const router = Router();
  router.get('/resource/jwt-public-keys', (_req, res) => {
    res.json({ keys: ctx.jwtKeys.publicKeys() });
  });
  return router;
}
