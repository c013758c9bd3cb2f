/**
 * Whether a station value counts as "not filled in". `false` and `0` are answers, not blanks:
 * a boolean field set to "no" is filled (the `checked` condition is what asks for "yes").
 */
export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}
