import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';

/** Who saved a version: a board member, or null for the service's RULES_FILE (and the import CLI). */
const Author = z.object({ username: z.string(), fullName: z.string().nullable() }).nullable();

export const RulesVersionSource = z.enum(['file', 'editor', 'import', 'restore']);

/** One saved version as Redis keeps it (a hash per version; `author` is JSON). */
const StoredVersion = z.object({
  version: z.coerce.number().int().positive(),
  text: z.string(),
  author: z.string().transform((json) => Author.parse(JSON.parse(json))),
  at: z.string(),
  comment: z.string(),
  hash: z.string(),
  source: RulesVersionSource,
  restoredFrom: z.string().transform((value) => (value === '' ? null : Number(value))),
});
export type RulesVersion = z.infer<typeof StoredVersion>;
export type RulesVersionSummary = Omit<RulesVersion, 'text'>;

export type NewRulesVersion = Pick<RulesVersion, 'text' | 'author' | 'comment' | 'source'> & {
  /** The version the text was edited from: the save is refused when another is active by now. Null: only when none is. */
  base: number | null;
  restoredFrom?: number | null;
};

export type SaveResult = { saved: RulesVersionSummary } | { conflict: RulesVersionSummary | null };

export type RulesVersions = {
  /** The active version's number, one GET: what every job checks before it starts. */
  activeNumber(): Promise<number | null>;
  active(): Promise<RulesVersion | null>;
  get(version: number): Promise<RulesVersion | null>;
  /** Newest first, without their texts. */
  list(limit?: number): Promise<RulesVersionSummary[]>;
  /** Makes the text the next version and the active one, unless `base` is no longer the active version. */
  save(version: NewRulesVersion, at?: Date): Promise<SaveResult>;
  /** The pub/sub channel every process listens on; the message is the new version's number. */
  channel: string;
};

export const rulesTextHash = (text: string) => createHash('sha256').update(text).digest('hex');

// Compare-and-set in one step: two admins saving at once both read version N; the second finds
// N+1 active and gets it back instead of silently replacing the first one's rules.
const SAVE = `
local active = redis.call('GET', KEYS[1])
if (active or '') ~= ARGV[1] then return {0, active or ''} end
local n = redis.call('INCR', KEYS[2])
local key = ARGV[2] .. n
redis.call('HSET', key, 'version', n, 'text', ARGV[3], 'author', ARGV[4], 'at', ARGV[5], 'comment', ARGV[6], 'hash', ARGV[7], 'source', ARGV[8], 'restoredFrom', ARGV[9])
redis.call('ZADD', KEYS[3], n, n)
redis.call('SET', KEYS[1], n)
redis.call('PUBLISH', ARGV[10], n)
return {1, n}
`;

const summaryOf = ({ text: _text, ...summary }: RulesVersion): RulesVersionSummary => summary;

/**
 * The rules as numbered versions in Redis: `<p>:rules:active` names the one in force,
 * `<p>:rules:version:<n>` holds each (text, author, time, comment, sha256, how it came to be),
 * `<p>:rules:versions` orders them. Versions are never changed or removed: a restore is a new one.
 */
export function createRulesVersions({ redis, prefix }: { redis: Redis; prefix: string }): RulesVersions {
  const keys = {
    active: `${prefix}:rules:active`,
    counter: `${prefix}:rules:counter`,
    index: `${prefix}:rules:versions`,
    version: `${prefix}:rules:version:`,
  };
  const channel = `${prefix}:rules:changed`;

  async function get(version: number): Promise<RulesVersion | null> {
    const stored = await redis.hgetall(`${keys.version}${version}`);
    if (Object.keys(stored).length === 0) return null;
    const parsed = StoredVersion.safeParse(stored);
    if (!parsed.success) throw new Error(`[rules] version ${version} in Redis (${keys.version}${version}) is malformed: ${parsed.error.message}`);
    return parsed.data;
  }

  async function activeNumber(): Promise<number | null> {
    const active = await redis.get(keys.active);
    return active === null ? null : Number(active);
  }

  return {
    channel,
    activeNumber,
    async active() {
      const n = await activeNumber();
      return n === null ? null : get(n);
    },
    get,
    async list(limit = 100) {
      const numbers = await redis.zrevrange(keys.index, 0, limit - 1);
      const versions = await Promise.all(numbers.map((n) => get(Number(n))));
      return versions.filter((v): v is RulesVersion => v !== null).map(summaryOf);
    },
    async save(input, at = new Date()) {
      const result = (await redis.eval(
        SAVE, 3, keys.active, keys.counter, keys.index,
        input.base === null ? '' : String(input.base), keys.version, input.text, JSON.stringify(input.author), at.toISOString(),
        input.comment, rulesTextHash(input.text), input.source, input.restoredFrom == null ? '' : String(input.restoredFrom), channel,
      )) as [number, number | string];
      const [ok, n] = result;
      const version = n === '' ? null : await get(Number(n));
      if (ok === 1) return { saved: summaryOf(version!) };
      return { conflict: version && summaryOf(version) };
    },
  };
}
