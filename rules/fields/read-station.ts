import type { Station } from './check-value';

/**
 * Stored station data (the card's pluginData, written by anyone who can edit the card) as the
 * rules and the form read it: every object copied into one without a prototype, {} when the value
 * is not an object. Read by key, `station["constructor"]` is then undefined rather than Object, and
 * a stored `"__proto__": {"contract.signed": true}` stays an ordinary key, never a prototype that
 * the next copy (`copy[key] = value`) would make every field inherit.
 */
export function readStation(value: unknown): Station {
  const station = withoutPrototypes(value);
  return isObject(station) ? station : Object.create(null);
}

function withoutPrototypes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPrototypes);
  if (!isObject(value)) return value;
  const copy: Record<string, unknown> = Object.create(null);
  // Assignment is safe here: with no prototype there is no inherited `__proto__` setter to call.
  for (const [key, item] of Object.entries(value)) copy[key] = withoutPrototypes(item);
  return copy;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
