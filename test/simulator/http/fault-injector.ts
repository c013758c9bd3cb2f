import type { RequestHandler } from 'express';
import { defaultBodyFor } from '../errors';
import type { FailRule } from '../types';
import { fullPathOf } from './credentials';

/**
 * `failNext`: rules run before anything else (auth, rate limits, routes), first
 * matching rule wins, each answers `times` requests (default 1) and is then dropped.
 */
export function createFaultInjector() {
  const rules: { rule: FailRule; left: number }[] = [];

  const add = (rule: FailRule): void => {
    rules.push({ rule, left: rule.times ?? 1 });
  };

  const middleware: RequestHandler = (req, res, next) => {
    const path = fullPathOf(req);
    const index = rules.findIndex(({ rule }) => {
      rule.path.lastIndex = 0; // a /g or /y regex keeps state between test() calls
      return (rule.method === undefined || rule.method.toUpperCase() === req.method) && rule.path.test(path);
    });
    const entry = rules[index];
    if (!entry) {
      next();
      return;
    }
    entry.left -= 1;
    if (entry.left <= 0) rules.splice(index, 1);
    const body = entry.rule.body ?? defaultBodyFor(entry.rule.status);
    if (typeof body === 'string') res.status(entry.rule.status).type('text/plain').send(body);
    else res.status(entry.rule.status).json(body);
  };

  return { add, middleware };
}
