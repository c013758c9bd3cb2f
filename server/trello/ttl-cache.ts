export type TtlCache<T> = {
  /** The cached value if younger than `maxAgeMs` (default: the TTL), else a fresh load shared by concurrent callers. */
  get(key: string, maxAgeMs?: number): Promise<T>;
  forget(key: string): void;
};

type Entry<T> = { value: Promise<T>; loadedAt: number };

/**
 * A per-key cache of promises: the promise is stored when the load starts, so twenty requests that
 * arrive together for one board wait for the same Trello call. A failed load is not kept.
 */
export function createTtlCache<T>(opts: {
  ttlMs: number;
  load(key: string): Promise<T>;
  now?: () => number;
  /** Entries kept before expired ones are swept; the keys are boards, so this is generous. */
  maxEntries?: number;
}): TtlCache<T> {
  const now = opts.now ?? Date.now;
  const maxEntries = opts.maxEntries ?? 1000;
  const entries = new Map<string, Entry<T>>();

  const load = (key: string): Promise<T> => {
    const value = opts.load(key);
    const entry = { value, loadedAt: now() };
    entries.delete(key); // re-inserted at the end: the sweep's "oldest first" stays true
    entries.set(key, entry);
    value.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
    if (entries.size > maxEntries) sweep(entries, now() - opts.ttlMs, maxEntries);
    return value;
  };

  return {
    get(key, maxAgeMs = opts.ttlMs) {
      const entry = entries.get(key);
      return entry && now() - entry.loadedAt < maxAgeMs ? entry.value : load(key);
    },
    forget: (key) => void entries.delete(key),
  };
}

/** Drops expired entries, then the oldest ones if still too many (a Map iterates in insertion order). */
function sweep<T>(entries: Map<string, Entry<T>>, expiredBefore: number, maxEntries: number): void {
  for (const [key, entry] of entries) if (entry.loadedAt < expiredBefore) entries.delete(key);
  for (const key of entries.keys()) {
    if (entries.size <= maxEntries) break;
    entries.delete(key);
  }
}
