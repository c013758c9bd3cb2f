import type { RequestHandler, Response } from 'express';
import { PowerUpAuthError } from './powerup-auth-error';
import type { TrelloJwtClaims } from './schema';
import type { VerifyTrelloJwt } from './verify-trello-jwt';

/** Every /api request carries `Authorization: Bearer <t.jwt() token>` (docs/architecture.md). */
export function requireTrelloJwt(verify: VerifyTrelloJwt): RequestHandler {
  return async (req, res, next) => {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '')?.[1];
    if (!token) throw new PowerUpAuthError('missing_token');
    res.locals['trelloJwt'] = await verify(token);
    next();
  };
}

/** The verified claims of this request; routes behind requireTrelloJwt only. */
export function claimsOf(res: Response): TrelloJwtClaims {
  const claims: unknown = res.locals['trelloJwt'];
  if (!claims) throw new Error('[powerup-api] route ran without requireTrelloJwt()');
  return claims as TrelloJwtClaims;
}

/** The token must have been issued on the board the request is about. */
export function requireBoard(claims: TrelloJwtClaims, boardId: string): void {
  if (claims.idBoard !== boardId) throw new PowerUpAuthError('wrong_board');
}
