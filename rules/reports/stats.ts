import type { Stats } from './report-types';

/**
 * Working days as the figures show them: to 0.01, a half rounded up. The nudge (a millionth of a
 * hundredth) keeps a half that binary floating point stores a hair low, like 10.945, from rounding down.
 */
export function roundDays(days: number): number {
  return Math.round(days * 100 + 1e-6) / 100;
}

/**
 * count, mean, median and 85th percentile of some durations, each rounded to 0.01; nulls when there
 * are none. Percentiles interpolate linearly between the closest ranks (numpy's default, Hyndman–Fan
 * type 7): the p-th of n sorted values sits at rank h = (n − 1)·p, between values ⌊h⌋ and ⌈h⌉. So
 * the median of an even count is the mean of the middle two, and p85 of a single value is that value.
 */
export function statsOf(values: readonly number[]): Stats {
  if (values.length === 0) return { count: 0, mean: null, median: null, p85: null };
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    count: sorted.length,
    mean: roundDays(sum / sorted.length),
    median: roundDays(percentile(sorted, 0.5)),
    p85: roundDays(percentile(sorted, 0.85)),
  };
}

/** The p-th percentile (0–1) of ascending values, by linear interpolation between closest ranks. */
export function percentile(sorted: readonly number[], p: number): number {
  const rank = (sorted.length - 1) * p;
  const low = Math.floor(rank);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low]! + (rank - low) * (sorted[high]! - sorted[low]!);
}
