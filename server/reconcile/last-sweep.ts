import type { Redis } from 'ioredis';
import type { SweepReport } from './sweep-report';

export type LastSweep = { record(report: SweepReport): Promise<void>; read(): Promise<SweepReport | null> };

/** The newest sweep's report, for the status endpoint: what was checked, when, and what it repaired. */
export function createLastSweep({ redis, prefix }: { redis: Redis; prefix: string }): LastSweep {
  const key = `${prefix}:reconcile:last`;
  return {
    async record(report) {
      await redis.set(key, JSON.stringify(report));
    },
    async read() {
      const row = await redis.get(key);
      return row ? (JSON.parse(row) as SweepReport) : null;
    },
  };
}
