// Binary search over ascending day numbers (see dayNumber): how the calendar finds its listed
// holidays and worked weekends without walking them.

/** How many of the ascending `days` lie strictly between `low` and `high`. */
export function countBetween(days: readonly number[], low: number, high: number): number {
  return Math.max(0, firstAbove(days, high - 1) - firstAbove(days, low));
}

/** Is `day` one of the ascending `days`? */
export function includesDay(days: readonly number[], day: number): boolean {
  const index = firstAbove(days, day) - 1;
  return index >= 0 && days[index] === day;
}

/** The index of the first of the ascending `days` greater than `day` (days.length when none is). */
function firstAbove(days: readonly number[], day: number): number {
  let [lo, hi] = [0, days.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]! <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
