import { createPublicKey, type KeyObject } from 'node:crypto';
import type { Logger } from 'pino';
import { JwtKeysUnavailableError } from './powerup-auth-error';
import { JwtPublicKeys } from './schema';

export type JwtKeySource = {
  /** The cached keys; fetched when there are none or they are older than 4 h (the official sample's TTL). */
  keys(): Promise<KeyObject[]>;
  /** Fetches again after a signature failure (Trello rotated its key); null when one was tried within the minute. */
  refetch(): Promise<KeyObject[] | null>;
};

const TTL_MS = 4 * 3600_000;
// A stream of forged tokens must not turn into a stream of requests to Trello.
const MIN_REFETCH_MS = 60_000;

/** Trello's t.jwt() public keys (docs/trello-reference.md §5.7), cached, with concurrent fetches merged into one. */
export function createJwtKeySource(opts: { baseUrl: string; log: Logger; now?: () => number; timeoutMs?: number }): JwtKeySource {
  const now = opts.now ?? Date.now;
  const url = `${opts.baseUrl}/1/resource/jwt-public-keys`;
  let cached: { keys: KeyObject[]; fetchedAt: number } | null = null;
  let lastAttemptAt = -Infinity;
  let inFlight: Promise<KeyObject[]> | null = null;

  const fetchNow = (): Promise<KeyObject[]> => {
    inFlight ??= (async () => {
      lastAttemptAt = now();
      const keys = await fetchKeys(url, opts.timeoutMs ?? 5_000);
      cached = { keys, fetchedAt: now() };
      opts.log.info({ keys: keys.length }, 'fetched Trello JWT public keys');
      return keys;
    })().finally(() => (inFlight = null));
    return inFlight;
  };
  const recentlyTried = () => now() - lastAttemptAt < MIN_REFETCH_MS;

  return {
    async keys() {
      if (cached && (now() - cached.fetchedAt < TTL_MS || recentlyTried())) return cached.keys;
      try {
        return await fetchNow();
      } catch (err) {
        if (!cached) throw new JwtKeysUnavailableError((err as Error).message);
        // Stale keys beat refusing every user while Trello is unreachable; they are rotated rarely.
        opts.log.warn({ err }, 'cannot refresh Trello JWT public keys; using the cached ones');
        return cached.keys;
      }
    },
    async refetch() {
      if (recentlyTried()) return null;
      return fetchNow().catch((err: Error) => {
        opts.log.warn({ err }, 'cannot refetch Trello JWT public keys after a signature mismatch');
        return null;
      });
    },
  };
}

async function fetchKeys(url: string, timeoutMs: number): Promise<KeyObject[]> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  const { keys } = JwtPublicKeys.parse(await res.json());
  // RS256 keys only: jose throws, rather than refuses, on a key of another type or under 2048 bits.
  const rsa = keys
    .map((pem) => createPublicKey(pem))
    .filter((key) => key.asymmetricKeyType === 'rsa' && (key.asymmetricKeyDetails?.modulusLength ?? 0) >= 2048);
  if (rsa.length === 0) throw new Error(`GET ${url} listed no RSA key of 2048 bits or more`);
  return rsa;
}
