/**
 * The characters of an official code (INN, OGRN, BIK, account…) as people type it: spaces and
 * hyphens dropped. A number is accepted too, but a leading zero it lost cannot be recovered, so the
 * length check then reports it.
 */
export function compactCode(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value !== 'string') return undefined;
  return value.replace(/[\s-]/g, '');
}

/** Σ digit × weight over the leading digits of `code`, one weight per digit. */
export function weightedSum(code: string, weights: readonly number[]): number {
  return weights.reduce((sum, weight, i) => sum + weight * Number(code[i]), 0);
}
