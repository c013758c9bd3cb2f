/**
 * One value loaded at most once per `ttlMs`, however many callers ask at the same time: 200 card
 * badges asking for the board status share one request. A failed load is forgotten, so the next
 * caller tries again instead of getting the old error for the rest of the TTL.
 */
export type SharedValue<T> = {
  get(): Promise<T>;
  /** Loads again unless the current load started less than `minAgeMs` ago (no refetch storms). */
  refresh(minAgeMs: number): Promise<T>;
  forget(): void;
};

export function sharedValue<T>(load: () => Promise<T>, ttlMs: number, now: () => number = Date.now): SharedValue<T> {
  let current: { promise: Promise<T>; startedAt: number } | undefined;
  const start = () => {
    const promise = load();
    const entry = { promise, startedAt: now() };
    current = entry;
    promise.catch(() => {
      if (current === entry) current = undefined;
    });
    return promise;
  };
  return {
    get: () => (current && now() - current.startedAt < ttlMs ? current.promise : start()),
    refresh: (minAgeMs) => (current && now() - current.startedAt < minAgeMs ? current.promise : start()),
    forget: () => void (current = undefined),
  };
}

/** A `sharedValue` per key (per board), created on first use. */
export function sharedValues<T>(load: (key: string) => Promise<T>, ttlMs: number, now?: () => number) {
  const values = new Map<string, SharedValue<T>>();
  return (key: string): SharedValue<T> => {
    let value = values.get(key);
    if (!value) values.set(key, (value = sharedValue(() => load(key), ttlMs, now)));
    return value;
  };
}
