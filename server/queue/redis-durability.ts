import type { Redis } from 'ioredis';
import { redactRedisUrl } from './redact-redis-url';

export type RedisDurability = {
  /** Writes survive a restart: AOF is on, or RDB snapshots are scheduled (both confirmed). */
  persistent: boolean;
  aof: boolean;
  rdb: boolean;
  /** As Redis reports it, or `unknown` when it would not say. */
  evictionPolicy: string;
  /** One line each, naming the fix; empty when nothing is wrong. */
  problems: string[];
  /** The problems ACCEPT_REDIS_DATA_LOSS cannot waive: an eviction policy that drops BullMQ's keys. */
  evictionProblems: string[];
};

export const UNKNOWN_POLICY = 'unknown';

const LOSS = 'a restart erases stage history, the audit log and pending deadlines';

/**
 * Reads how the Redis keeps its data: CONFIG GET appendonly, save and maxmemory-policy, or, where
 * CONFIG is refused (managed Redis renames it), INFO persistence and INFO memory. What it cannot
 * confirm counts as not persistent, and the problem says so. `url` names the server in messages;
 * it defaults to the connection's host and port.
 */
export async function checkRedisDurability(redis: Redis, url = urlOf(redis)): Promise<RedisDurability> {
  const where = redactRedisUrl(url);
  const settings = await readSettings(redis);
  const problems: string[] = [];
  const evictionProblems: string[] = [];
  const persistent = settings.aof || settings.rdb;

  if (!persistent) problems.push(persistenceProblem(where, settings));
  const policy = settings.policy ?? UNKNOWN_POLICY;
  if (settings.policy === null) {
    problems.push(
      `[redis] ${where} would not tell its maxmemory-policy: BullMQ needs noeviction. ` +
        `Make sure it is (CONFIG SET maxmemory-policy noeviction, or your provider's settings), or set ACCEPT_REDIS_DATA_LOSS=true to start unconfirmed`,
    );
  } else if (policy !== 'noeviction') {
    const problem =
      `[redis] ${where} has maxmemory-policy ${policy}: BullMQ needs noeviction, or a full Redis silently drops jobs, job locks and stage history ` +
      `(CONFIG SET maxmemory-policy noeviction, and in redis.conf). ACCEPT_REDIS_DATA_LOSS does not cover this`;
    problems.push(problem);
    evictionProblems.push(problem);
  }
  return { persistent, aof: settings.aof, rdb: settings.rdb, evictionPolicy: policy, problems, evictionProblems };
}

type Settings = {
  aof: boolean;
  rdb: boolean;
  policy: string | null;
  /** Why CONFIG GET could not be used, when the answers come from INFO. */
  configRefused?: string;
  /** INFO persistence could not be read either. */
  infoRefused?: string;
};

async function readSettings(redis: Redis): Promise<Settings> {
  try {
    const [appendonly, save, policy] = await Promise.all(['appendonly', 'save', 'maxmemory-policy'].map((name) => configGet(redis, name)));
    // A Redis-compatible server that answers CONFIG GET with nothing confirms nothing either.
    if (appendonly === undefined || save === undefined) throw new Error('CONFIG GET appendonly/save answered nothing');
    return { aof: appendonly === 'yes', rdb: save.trim() !== '', policy: policy ?? null };
  } catch (err) {
    const configRefused = (err as Error).message;
    const [aofEnabled, policy] = await Promise.all([
      infoField(redis, 'persistence', 'aof_enabled'),
      infoField(redis, 'memory', 'maxmemory_policy'),
    ]);
    // INFO says nothing of the save schedule: RDB stays unconfirmed.
    const infoRefused = aofEnabled instanceof Error ? aofEnabled.message : undefined;
    return {
      aof: aofEnabled === '1',
      rdb: false,
      policy: typeof policy === 'string' ? policy : null,
      configRefused,
      ...(infoRefused ? { infoRefused } : {}),
    };
  }
}

function persistenceProblem(where: string, settings: Settings): string {
  if (settings.configRefused === undefined) {
    return (
      `[redis] ${where} keeps nothing on disk: ${LOSS}. ` +
      'Turn on AOF: CONFIG SET appendonly yes; CONFIG SET appendfsync everysec (and in redis.conf), or set ACCEPT_REDIS_DATA_LOSS=true for a demo'
    );
  }
  if (settings.infoRefused !== undefined) {
    return (
      `[redis] ${where} answers neither CONFIG GET (${settings.configRefused}) nor INFO persistence (${settings.infoRefused}), ` +
      `so nothing confirms it keeps data on disk and it counts as keeping nothing: ${LOSS}. ` +
      "Let the service's Redis user run CONFIG GET or INFO, or set ACCEPT_REDIS_DATA_LOSS=true if that loss is acceptable"
    );
  }
  return (
    `[redis] ${where} refuses CONFIG GET (${settings.configRefused}) and INFO shows AOF off; its RDB snapshots cannot be confirmed, ` +
    `so it counts as keeping nothing on disk: ${LOSS}. ` +
    "Turn on AOF (appendonly yes, appendfsync everysec) in your provider's settings, or set ACCEPT_REDIS_DATA_LOSS=true if that loss is acceptable"
  );
}

/** One CONFIG GET; undefined when Redis knows no such setting. Throws when CONFIG is refused. */
async function configGet(redis: Redis, name: string): Promise<string | undefined> {
  const reply: unknown = await redis.config('GET', name);
  // RESP2 answers a flat [name, value] array; RESP3 with its own reply mapping, a map.
  if (Array.isArray(reply)) {
    const at = reply.indexOf(name);
    return at >= 0 && at % 2 === 0 ? String(reply[at + 1]) : undefined;
  }
  if (reply instanceof Map) return reply.has(name) ? String(reply.get(name)) : undefined;
  if (reply && typeof reply === 'object' && name in reply) return String((reply as Record<string, unknown>)[name]);
  return undefined;
}

/** A field of an INFO section; null when the section lacks it, the Error when INFO is refused. */
async function infoField(redis: Redis, section: string, field: string): Promise<string | null | Error> {
  try {
    const text = await redis.info(section);
    const line = text.split(/\r?\n/).find((l) => l.startsWith(`${field}:`));
    return line ? line.slice(field.length + 1).trim() : null;
  } catch (err) {
    return err as Error;
  }
}

function urlOf(redis: Redis): string {
  const { host, port, db } = redis.options;
  return `redis://${host ?? '127.0.0.1'}:${port ?? 6379}${db ? `/${db}` : ''}`;
}
