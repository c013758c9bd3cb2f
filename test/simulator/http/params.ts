import type { Request } from 'express';
import { invalidId, invalidValue } from '../errors';
import { isObjectId, isShortLink } from '../ids';
import type { PosInput } from '../state/positions';

/**
 * Trello takes parameters from the query string, a JSON body or a form body (docs/trello-reference.md §3 "Query
 * or body"). They are merged here, the query string winning, and read as strings.
 */
export type Params = { get(name: string): string | undefined };

export function paramsOf(req: Request): Params {
  const body: unknown = req.body;
  const bodyParams = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const query = req.query as Record<string, unknown>;
  return {
    get: (name) => asString(query[name]) ?? asString(bodyParams[name]),
  };
}

function asString(value: unknown): string | undefined {
  if (Array.isArray(value)) return asString(value[0]);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A 24-hex id parameter such as `idList`: anything else is `invalid value for <name>`. */
export function idParam(params: Params, name: string): string | undefined {
  const value = params.get(name);
  if (value === undefined) return undefined;
  if (!isObjectId(value)) throw invalidValue(name);
  return value;
}

export function requiredParam(params: Params, name: string): string {
  const value = params.get(name);
  if (value === undefined) throw invalidValue(name);
  return value;
}

export function boolParam(params: Params, name: string): boolean | undefined {
  const value = params.get(name);
  if (value === undefined) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw invalidValue(name);
}

/** `pos`: `top`, `bottom` or a positive float (docs/trello-reference.md §3.2). */
export function posParam(params: Params): PosInput | undefined {
  const value = params.get('pos');
  if (value === undefined) return undefined;
  if (value === 'top' || value === 'bottom') return value;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number <= 0) throw invalidValue('pos');
  return number;
}

/** A path id: 24 hex, or a shortLink where Trello accepts one (cards, boards); else 400 `invalid id`. */
export function pathId(req: Request, name: string, allowShortLink = false): string {
  const value = req.params[name];
  if (typeof value !== 'string') throw invalidId();
  if (isObjectId(value) || (allowShortLink && isShortLink(value))) return value;
  throw invalidId();
}
