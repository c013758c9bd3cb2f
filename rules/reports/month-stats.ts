import type { MonthStats } from './report-types';
import { statsOf } from './stats';

/** The stats of each month listed, over the durations that finished in it; empty months count 0. */
export function monthStats(months: readonly string[], done: readonly { month: string; days: number }[]): MonthStats[] {
  return months.map((month) => ({ month, ...statsOf(done.filter((d) => d.month === month).map((d) => d.days)) }));
}
