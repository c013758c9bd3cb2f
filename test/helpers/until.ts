/**
 * Polls `check` until it holds, or fails with `what` after `timeoutMs`: the one way tests,
 * kits and the demo wait for something that happens on another process's or a queue's timers.
 */
export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`[test] timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
