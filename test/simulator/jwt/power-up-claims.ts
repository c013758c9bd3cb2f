import type { PowerUpJwtInput, PowerUpJwtClaims } from '../types';

/** The docs' example token lives 900 s (docs/trello-reference.md §5.7). */
const LIFETIME_SEC = 900;

/** Claims in the order of the docs/trello-reference.md §5.7 example: idPlugin, idBoard, idMember, state, iat, exp, iss. */
export function powerUpClaims(input: PowerUpJwtInput, defaults: { idPlugin: string; nowMs: number }): PowerUpJwtClaims {
  const iat = input.iat ?? Math.floor(defaults.nowMs / 1000);
  return {
    idPlugin: input.idPlugin ?? defaults.idPlugin,
    idBoard: input.idBoard,
    idMember: input.idMember,
    ...(input.state === undefined ? {} : { state: input.state }),
    iat,
    exp: iat + (input.expiresInSec ?? LIFETIME_SEC),
    iss: 'trello',
  };
}
