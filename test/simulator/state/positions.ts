/**
 * Trello positions are floats, typically spaced by 16384 (docs/trello-reference.md §3.1 "Value notes").
 * `top` halves the first position and `bottom` adds a step after the last, which is
 * close to what Trello does; Trello also renumbers when positions get too close,
 * which the simulator never needs to.
 */
export const POS_STEP = 16384;

export type PosInput = 'top' | 'bottom' | number;

export function resolvePos(pos: PosInput, existing: number[]): number {
  if (typeof pos === 'number') return pos;
  if (existing.length === 0) return POS_STEP;
  if (pos === 'top') return Math.min(...existing) / 2;
  return Math.max(...existing) + POS_STEP;
}
