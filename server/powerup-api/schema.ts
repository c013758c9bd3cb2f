import { z } from 'zod';

// Shapes of what Trello sends about the Power-Up: its t.jwt() tokens and the keys that sign them
// (docs/trello-reference.md §5.7). Loose objects: Trello may add claims, and nothing here depends on them.

/** The docs/trello-reference.md §5.7 claims, read once jose has checked signature, issuer and expiry. */
export const TrelloJwtClaims = z.object({
  iss: z.literal('trello'),
  idPlugin: z.string(),
  idBoard: z.string().min(1),
  idMember: z.string().min(1),
  iat: z.number(),
  exp: z.number(),
  state: z.string().optional(),
});
export type TrelloJwtClaims = z.infer<typeof TrelloJwtClaims>;

/** `GET /1/resource/jwt-public-keys`: PEM strings, usually one, two while Trello rotates. */
export const JwtPublicKeys = z.object({ keys: z.array(z.string()).min(1) });
