import type { RateLimitScope } from './rate-limiter';

type Headers = Record<string, unknown>;

const SCOPES: { scope: RateLimitScope; header: string }[] = [
  { scope: 'key', header: 'x-rate-limit-api-key' },
  { scope: 'token', header: 'x-rate-limit-api-token' },
];

/**
 * Windows Trello says we have spent, read from its x-rate-limit-* headers (§4 of
 * docs/trello-reference.md). Our own limiter should keep us under, but another client may
 * share the key or token; when Trello reports 0 left we hold back for a whole window
 * instead of collecting 429s (a key with more than 200 of them is blocked outright).
 */
export function spentWindows(headers: Headers, fallbackWindowMs: number): { scope: RateLimitScope; ms: number }[] {
  return SCOPES.flatMap(({ scope, header }) => {
    if (numberHeader(headers, `${header}-remaining`) !== 0) return [];
    const ms = numberHeader(headers, `${header}-interval-ms`) ?? fallbackWindowMs;
    return [{ scope, ms }];
  });
}

function numberHeader(headers: Headers, name: string): number | undefined {
  const raw = headers[name];
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  if (String(raw).trim() === '') return undefined; // Number('') is 0, which would read as "spent"
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}
