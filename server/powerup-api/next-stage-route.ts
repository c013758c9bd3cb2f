import type { Router } from 'express';
import { advanceCard, refused, type AdvanceDeps } from './advance-card';
import { apiRouter } from './api-router';
import { claimsOf } from './require-trello-jwt';

/** `POST /api/cards/:cardId/next-stage`: 200 `{moved, from, to}` or 409 `{moved:false, to, failures, error, message}`. */
export function nextStageRoute(deps: AdvanceDeps): Router {
  const router = apiRouter();
  // A double click must not advance a card twice: one move per card at a time in this process.
  const advancing = new Set<string>();
  router.post('/cards/:cardId/next-stage', async (req, res) => {
    const { cardId } = req.params;
    if (advancing.has(cardId)) {
      const { status, body } = refused(null, [], 'busy', 'this card is already being moved; wait for that to finish');
      return void res.status(status).json(body);
    }
    advancing.add(cardId);
    try {
      const { status, body } = await advanceCard(cardId, claimsOf(res), deps);
      res.status(status).json(body);
    } finally {
      advancing.delete(cardId);
    }
  });
  return router;
}
