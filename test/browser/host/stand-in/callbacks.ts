import type { CallbackRef } from '../protocol';

type AnyFunction = (...args: unknown[]) => unknown;

/**
 * Functions cannot cross post-message: a handler's answer travels with each function replaced by
 * a reference, and the host calls back through it (a button's callback, a dynamic badge).
 */
export function createCallbackRegistry() {
  const functions = new Map<string, AnyFunction>();
  let next = 0;
  const serialize = (value: unknown): unknown => {
    if (typeof value === 'function') {
      next += 1;
      const ref: CallbackRef = { __gkCallback: `cb-${next}` };
      functions.set(ref.__gkCallback, value as AnyFunction);
      return ref;
    }
    if (Array.isArray(value)) return value.map(serialize);
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, serialize(item)]));
    }
    return value;
  };
  return { serialize, get: (id: string) => functions.get(id) };
}
