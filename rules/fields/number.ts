import { invalid, valid, type FieldResult } from './field-result';

type NumberParams = { min?: number | undefined; max?: number | undefined; integer?: boolean | undefined };

/**
 * A number, typed or pasted as text ("128", "1 500,50": Russian users write a decimal comma and
 * group thousands with spaces).
 */
export function validateNumber(value: unknown, params: NumberParams = {}): FieldResult<number> {
  const number = toNumber(value);
  if (number === undefined) return invalid('должно быть числом', 'must be a number');
  if (params.integer && !Number.isInteger(number)) {
    return invalid('должно быть целым числом', 'must be a whole number');
  }
  if (params.min !== undefined && number < params.min) {
    return invalid(`должно быть не меньше ${params.min}`, `must be at least ${params.min}`);
  }
  if (params.max !== undefined && number > params.max) {
    return invalid(`должно быть не больше ${params.max}`, `must be at most ${params.max}`);
  }
  return valid(number);
}

// Digits, then a point and digits only after a point: the literal point fixes where the integer
// part ends, so a failed match backtracks once per digit. (The old `\d+\.?\d*` let `\d+` and `\d*`
// split a run of digits in every way: 100,000 digits and a trailing letter took 17 s.)
const DECIMAL = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/;

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!DECIMAL.test(text)) return undefined;
  // 400 digits read as Infinity, which JSON would store as null.
  const number = Number(text);
  return Number.isFinite(number) ? number : undefined;
}
