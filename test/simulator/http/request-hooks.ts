import type { RequestHandler } from 'express';
import type { RequestHook } from '../types';
import { fullPathOf } from './credentials';

/**
 * `onRequest`: lets a test act at an exact point of the service's work, e.g. SIGKILL the worker
 * while it reads a card (`before`) or right after Trello applied its move back (`after`).
 */
export function createRequestHooks() {
  const hooks: { hook: RequestHook; left: number }[] = [];

  const add = (hook: RequestHook): (() => void) => {
    const entry = { hook, left: hook.times ?? Infinity };
    hooks.push(entry);
    return () => {
      const index = hooks.indexOf(entry);
      if (index >= 0) hooks.splice(index, 1);
    };
  };

  const middleware: RequestHandler = (req, res, next) => {
    const path = fullPathOf(req);
    for (const entry of [...hooks]) {
      const { hook } = entry;
      hook.path.lastIndex = 0;
      if ((hook.method !== undefined && hook.method.toUpperCase() !== req.method) || !hook.path.test(path)) continue;
      entry.left -= 1;
      if (entry.left <= 0) hooks.splice(hooks.indexOf(entry), 1);
      if (hook.when === 'before') hook.run();
      else res.once('finish', () => hook.run());
    }
    next();
  };

  return { add, middleware };
}
