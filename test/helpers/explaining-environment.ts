import type { Circus } from '@jest/types';
import { TestEnvironment } from 'jest-environment-node';

/**
 * Says what was on screen when a test failed: a test registers an explainer (a browser test's
 * host page does), and its text is added to the failure's message. A timed-out wait in CI then
 * tells what the page showed and what the service answered, not only what was awaited.
 */
export type FailureExplainer = (testName: string) => Promise<string>;

const EXPLAINERS = Symbol.for('gatekeeper.failureExplainers');

/** Registers `explain` until the returned function is called (a test file runs in its own environment). */
export function explainFailuresWith(explain: FailureExplainer): () => void {
  const global = globalThis as unknown as Record<symbol, Set<FailureExplainer> | undefined>;
  const explainers = (global[EXPLAINERS] ??= new Set());
  explainers.add(explain);
  return () => void explainers.delete(explain);
}

// The latest few: a suite may leave earlier tests' pages open, and they are not what failed.
const EXPLAINED = 2;

// An explainer that hangs (a browser gone unresponsive) must not hold the failure up.
const EXPLAIN_WITHIN_MS = 5_000;

export default class ExplainingEnvironment extends TestEnvironment {
  async handleTestEvent(event: Circus.AsyncEvent): Promise<void> {
    if (event.name !== 'test_fn_failure') return;
    const explainers = (this.global as unknown as Record<symbol, Set<FailureExplainer> | undefined>)[EXPLAINERS];
    // The test's errors are of its own realm's Error: `instanceof Error` here would say no.
    const error = event.error as Partial<Error> | undefined;
    if (!explainers?.size || typeof error?.message !== 'string') return;
    const parts = await Promise.all([...explainers].slice(-EXPLAINED).map((explain) => withinTime(explain(event.test.name))));
    const text = parts.filter((part) => part.length > 0).join('\n');
    if (text) addToMessage(error as Error, `\n\n[what was on screen]\n${text}`);
  }
}

async function withinTime(explaining: Promise<string>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => (timer = setTimeout(() => resolve(`(no explanation within ${EXPLAIN_WITHIN_MS} ms)`), EXPLAIN_WITHIN_MS)));
  try {
    return await Promise.race([explaining.catch((err: unknown) => `(explaining failed: ${String(err)})`), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Jest prints the stack, which begins with the message: both carry the addition. */
function addToMessage(error: Error, addition: string): void {
  const before = error.message;
  error.message = before + addition;
  if (error.stack?.includes(before)) error.stack = error.stack.replace(before, error.message);
}
