import type { Redis } from 'ioredis';

/** As long as the judged-action marks: a notice re-sent later than that is a new event anyway. */
const KEEP_SECONDS = 7 * 24 * 3600;

export type DeliveredMarks = { has(id: string): Promise<boolean>; mark(id: string): Promise<void> };

/**
 * "This delivery went out", per delivery id. BullMQ's job id already drops a second add while the
 * job is kept; the mark outlives the job and also stops a job that runs again (a stalled job, a
 * retry after a later failure) from sending twice.
 */
export function createDeliveredMarks(deps: { redis: Redis; prefix: string }): DeliveredMarks {
  const key = (id: string) => `${deps.prefix}:notify:sent:${id}`;
  return {
    async has(id) {
      return (await deps.redis.exists(key(id))) === 1;
    },
    async mark(id) {
      await deps.redis.set(key(id), new Date().toISOString(), 'EX', KEEP_SECONDS);
    },
  };
}
