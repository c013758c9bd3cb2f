// Why a Power-Up request was refused. The 401 body names the failed check so that whoever is
// debugging the Power-Up sees at once whether the token, the board or the plugin id is wrong.

const AUTH_CHECKS = {
  missing_token: 'Authorization: Bearer <token from t.jwt> is missing',
  malformed_token: 'token is not a compact JWT',
  bad_algorithm: 'token is not signed with RS256',
  bad_signature: 'bad signature',
  wrong_issuer: 'token is not issued by Trello',
  wrong_plugin: 'token is for another Power-Up',
  missing_claims: 'token lacks idBoard, idMember, iat or exp',
  expired: 'token expired',
  issued_in_future: 'token is issued in the future',
  wrong_board: 'token is for another board',
} as const;

export type PowerUpAuthCode = keyof typeof AUTH_CHECKS;

export class PowerUpAuthError extends Error {
  override readonly name = 'PowerUpAuthError';
  readonly status = 401;

  constructor(readonly code: PowerUpAuthCode) {
    super(AUTH_CHECKS[code]);
  }
}

/** Trello's public keys could not be fetched and none are cached: nobody's fault but the network's. */
export class JwtKeysUnavailableError extends Error {
  override readonly name = 'JwtKeysUnavailableError';
  readonly status = 503;
  readonly code = 'keys_unavailable';

  constructor(detail: string) {
    super(`[powerup-api] cannot fetch Trello's JWT public keys (${detail}); try again shortly`);
  }
}
