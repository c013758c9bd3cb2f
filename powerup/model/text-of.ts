/**
 * A stored value as text, whatever someone put there. Objects in station data have no prototype
 * (readStation), so String() would throw on them; JSON shows what they hold.
 */
export function textOf(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}
