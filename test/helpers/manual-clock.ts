/**
 * A clock a test moves by hand, in epoch milliseconds: code that takes `now` is tested at the
 * instants the test picks, with no sleeping and no flakiness under load.
 */
export function manualClock(startMs = Date.now()) {
  let ms = startMs;
  return { now: () => ms, advance: (byMs: number) => void (ms += byMs) };
}

export type ManualClock = ReturnType<typeof manualClock>;
