import type { JwtKeyRing } from './jwt/jwt-key-ring';
import type { ResolvedOptions } from './options';
import type { SimState } from './state/sim-state';

/** What routes and the UI actor share; built once in index.ts. */
export type SimContext = {
  state: SimState;
  options: ResolvedOptions;
  /** The API key the simulator accepts (32 hex). */
  key: string;
  /** `appCreator.id` of actions made through the REST API. */
  appId: string;
  /** The Gatekeeper Power-Up, owner of the shared card pluginData. */
  powerUpId: string;
  /** Signs Power-Up JWTs and publishes their public keys (docs/trello-reference.md §5.7). */
  jwtKeys: JwtKeyRing;
  /** Sends `HEAD url` and resolves with the status (docs/trello-reference.md §1.2); rejects on network errors and timeouts. */
  headCheck(url: string): Promise<number>;
};
