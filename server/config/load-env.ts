import { Env } from './env-schema';

export class EnvError extends Error {
  override readonly name = 'EnvError';
  readonly code = 'env_invalid';
  constructor(readonly problems: string[]) {
    super(`[config] invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment once at start; every problem is listed with the variable it concerns. */
export function loadEnv(env: NodeJS.ProcessEnv = process.env): Env {
  // An empty string means "unset", so defaults apply and required variables are reported as missing.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = Env.safeParse(present);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((issue) => {
      const name = issue.path.join('.');
      const missing = issue.code === 'invalid_type' && present[name] === undefined;
      return missing ? `${name}: missing — ${describeRequired(name)}` : `${name}: ${issue.message}`;
    }),
  );
}

function describeRequired(name: string): string {
  const hints: Record<string, string> = {
    TRELLO_KEY: 'the API key of the Power-Up (trello.com/power-ups/admin)',
    TRELLO_TOKEN: "the token of the service's Trello member",
    TRELLO_APP_SECRET: 'the OAuth secret that signs webhook deliveries',
    PUBLIC_URL: 'the base URL Trello calls, e.g. https://gatekeeper.example.com',
    POWERUP_ID: "the Power-Up's 24-hex id",
  };
  return hints[name] ?? 'required';
}
