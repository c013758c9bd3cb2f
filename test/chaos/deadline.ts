/** Thrown when a bounded wait runs out: names the wait and the phase the run was in. */
export class ChaosTimeout extends Error {
  constructor(
    readonly what: string,
    readonly phase: string,
    readonly waitedMs: number,
  ) {
    super(`[chaos] timed out after ${(waitedMs / 1000).toFixed(1)} s waiting for ${what} (phase: ${phase})`);
  }
}

/**
 * One deadline for a whole chaos run: every wait of the run is raced against the time left, so a
 * stuck run fails by itself — with the phase and the wait it was in — before an outer limit (jest's
 * timeout) kills it without a word.
 */
export type Deadline = {
  /** The phase the run is in: named in a timeout and in the report. */
  readonly phase: string;
  /** Starts a phase; `say`s it with the seconds since the start. */
  enter(phase: string): void;
  /** Milliseconds left, never below 0. */
  remaining(): number;
  /**
   * `work`, or a ChaosTimeout once `capMs` (default: all the time left) or the deadline passes,
   * whichever is first. The work itself is not cancelled: the caller cleans up.
   */
  within<T>(what: string, work: Promise<T>, capMs?: number): Promise<T>;
  /** Seconds since the run started, for log lines. */
  elapsed(): string;
  /** Each phase and how long it took, oldest first (the current one still open). */
  phases(): string[];
};

export function createDeadline(totalMs: number, say: (line: string) => void): Deadline {
  const started = Date.now();
  const at = started + totalMs;
  let phase = 'starting';
  const log: Array<{ name: string; from: number; to?: number }> = [{ name: phase, from: started }];
  const elapsed = () => ((Date.now() - started) / 1000).toFixed(1);
  return {
    get phase() {
      return phase;
    },
    enter(next) {
      const now = Date.now();
      log.at(-1)!.to = now;
      log.push({ name: next, from: now });
      phase = next;
      say(`[${elapsed()} s] ${next}`);
    },
    remaining: () => Math.max(0, at - Date.now()),
    within(what, work, capMs = Infinity) {
      const limit = Math.min(capMs, Math.max(0, at - Date.now()));
      if (!Number.isFinite(limit)) return work;
      const since = Date.now();
      const inPhase = phase;
      let timer: NodeJS.Timeout | undefined;
      const expired = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new ChaosTimeout(what, inPhase, Date.now() - since)), limit);
      });
      return Promise.race([work, expired]).finally(() => clearTimeout(timer));
    },
    elapsed,
    phases: () => log.map((p) => `${p.name}: ${(((p.to ?? Date.now()) - p.from) / 1000).toFixed(1)} s${p.to ? '' : ' (still in it)'}`),
  };
}

/** `work` or `fallback` after `ms`, whichever is first; for waits whose running out is not an error. */
export async function orAfter<T, F>(ms: number, work: Promise<T>, fallback: F): Promise<T | F> {
  let timer: NodeJS.Timeout | undefined;
  // setTimeout takes at most 2^31-1 ms (a larger value, Infinity too, fires at once).
  const late = new Promise<F>((resolve) => (timer = setTimeout(() => resolve(fallback), Math.min(Math.max(0, ms), 2 ** 31 - 1))));
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
