import type { RequestHandler } from 'express';
import type { RequestRecord } from '../types';
import { credentialsOf, fullPathOf } from './credentials';

/** Records every REST request once its response is finished (tests read `sim.requests`). */
export function requestLog(records: RequestRecord[], now: () => number): RequestHandler {
  return (req, res, next) => {
    res.on('finish', () => {
      const query: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.query as Record<string, unknown>)) {
        query[name] = Array.isArray(value) ? String(value[0]) : String(value);
      }
      records.push({
        method: req.method,
        path: fullPathOf(req),
        query,
        status: res.statusCode,
        token: credentialsOf(req).token,
        at: now(),
      });
    });
    next();
  };
}
