import type { RequestHandler, Response } from 'express';
import { invalidKey, invalidToken } from '../errors';
import type { SimState } from '../state/sim-state';
import type { Actor } from '../state/records';
import { credentialsOf } from './credentials';

/**
 * Key and token check (docs/trello-reference.md §3): a wrong or missing key is `401 invalid key`, an unknown
 * token `401 invalid token`, both plain text. Every REST call counts as an API call,
 * so the actor carries the app id that becomes `appCreator` (docs/trello-reference.md §2).
 */
export function authenticate(state: SimState, key: string, appId: string): RequestHandler {
  return (req, res, next) => {
    const credentials = credentialsOf(req);
    if (credentials.key !== key) throw invalidKey();
    const member = credentials.token === null ? undefined : state.memberByToken(credentials.token);
    if (!member) throw invalidToken();
    const actor: Actor = { member, appId };
    res.locals['actor'] = actor;
    next();
  };
}

export function actorOf(res: Response): Actor {
  const actor: unknown = res.locals['actor'];
  if (!actor) throw new Error('[simulator] route ran without authenticate()');
  return actor as Actor;
}
