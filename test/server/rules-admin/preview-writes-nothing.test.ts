import type { Redis } from 'ioredis';
import { previewRules } from '../../../server/rules-admin/preview-rules';
import { loadDefaultRules } from '../../rules/default-rules';
import { BIK_DRAFT } from '../../rules/preview/preview-drafts';
import { testRedis } from '../../helpers/redis';
import { until } from '../../helpers/until';
import { appendJudged, seedBoard, startPreviewKit, type PreviewKit } from './preview-kit';

const active = loadDefaultRules();

let kit: PreviewKit;
let monitorParent: Redis | undefined;
let monitor: Redis | undefined;
beforeEach(async () => {
  kit = await startPreviewKit('rules-preview-writes');
});
afterEach(async () => {
  monitor?.disconnect();
  monitorParent?.disconnect();
  await kit.close();
});

type Stored = { value: string; ttlMs: number };

/** Every key under the prefix with its serialised value (DUMP) and time to live. */
async function keysAndValues(redis: Redis, prefix: string): Promise<Map<string, Stored>> {
  const found = new Map<string, Stored>();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) {
      const [dump, ttl] = await Promise.all([redis.dumpBuffer(key), redis.pttl(key)]);
      found.set(key, { value: dump?.toString('hex') ?? '', ttlMs: ttl });
    }
  } while (cursor !== '0');
  return found;
}

/** Where a connection's commands come from, as MONITOR names it. */
async function addressOf(redis: Redis): Promise<string> {
  const info = String(await redis.call('CLIENT', 'INFO'));
  const addr = /\baddr=(\S+)/.exec(info)?.[1];
  if (!addr) throw new Error(`no addr in CLIENT INFO: ${info}`);
  return addr;
}

/** The commands Redis itself flags as writes (COMMAND INFO), of those named. */
async function writeCommands(redis: Redis, names: Iterable<string>): Promise<string[]> {
  const writes: string[] = [];
  for (const name of new Set(names)) {
    const [info] = (await redis.call('COMMAND', 'INFO', name)) as [unknown[] | null];
    const flags = (info?.[2] ?? []) as string[];
    if (flags.includes('write')) writes.push(name);
  }
  return writes;
}

describe('the rules dry run writes nothing', () => {
  it('makes only GET requests to Trello and leaves every Redis key as it was', async () => {
    const now = new Date(Date.now() - 1);
    const seeded = await seedBoard(kit, active, now);
    await appendJudged(kit, { actionId: 'lutik-connected', cardId: seeded.lutik, cardName: 'Радио Лютик', movedAt: now.toISOString() });
    const before = await keysAndValues(kit.redis, kit.prefix);
    const actionsBefore = kit.sim.actions().length;
    kit.sim.resetLogs();

    // Every command of the run, as Redis saw it, with the connection it came from.
    monitorParent = testRedis();
    monitor = await monitorParent.monitor();
    const seen: { args: string[]; source: string }[] = [];
    monitor.on('monitor', (_time: string, args: string[], source: string) => seen.push({ args, source }));
    const [store, trelloLimiter] = await Promise.all([addressOf(kit.redis), addressOf(kit.trelloRedis)]);

    const result = await previewRules(kit.deps, { boardId: kit.board.boardId, active: { version: 1, config: active }, draft: BIK_DRAFT(), now: new Date() });

    // The run did something worth checking: it read the board, the history and the log.
    expect(result.cards).toBe(4);
    expect(result.replay.judged).toBe(1);
    expect(result.readiness.length + result.unmetGates.length + result.replay.changes.length).toBeGreaterThan(0);

    // Trello: reads only, and nothing happened on the board.
    expect(kit.sim.requests.length).toBeGreaterThan(0);
    expect(kit.sim.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(kit.sim.actions().length).toBe(actionsBefore);
    expect(kit.sim.deliveries).toEqual([]);

    // Redis, by what it saw: the store's connection sent reads only; the Trello client's sent only
    // its rate limiter's script, whose own commands touched its windows and nothing else of ours.
    // (MONITOR does not show EVALSHA itself, only the commands a script runs, as from "lua".)
    await kit.redis.echo('preview-done');
    await until('the monitor saw the whole run', () => seen.some((c) => c.args[0]?.toLowerCase() === 'echo' && c.args[1] === 'preview-done'));
    const fromStore = seen.filter((c) => c.source === store).map((c) => c.args[0]!.toLowerCase());
    expect(fromStore.length).toBeGreaterThan(0);
    expect(await writeCommands(kit.redis, fromStore)).toEqual([]);
    expect(fromStore.filter((name) => /^(eval|fcall)/.test(name))).toEqual([]);
    const fromLimiter = new Set(seen.filter((c) => c.source === trelloLimiter).map((c) => c.args[0]!.toLowerCase()));
    expect([...fromLimiter].filter((name) => !['evalsha', 'eval', 'client'].includes(name))).toEqual([]);
    const ourKeysInScripts = seen
      .filter((c) => c.source === 'lua')
      .flatMap((c) => c.args.slice(1).filter((arg) => arg.startsWith(`${kit.prefix}:`)));
    expect(ourKeysInScripts.filter((key) => !key.startsWith(`${kit.prefix}:ratelimit:`))).toEqual([]);

    // Redis, by its contents: every key and value under the prefix as before, but the limiter's
    // windows; a time to live only ran down (none was set or renewed).
    const after = await keysAndValues(kit.redis, kit.prefix);
    const ours = (keys: Map<string, Stored>) =>
      [...keys].filter(([key]) => !key.startsWith(`${kit.prefix}:ratelimit:`)).sort(([a], [b]) => a.localeCompare(b));
    expect(ours(after).map(([key, { value }]) => [key, value])).toEqual(ours(before).map(([key, { value }]) => [key, value]));
    for (const [key, { ttlMs }] of ours(after)) {
      const was = before.get(key)!.ttlMs;
      if (was < 0) expect([key, ttlMs]).toEqual([key, was]);
      else expect(ttlMs).toBeLessThanOrEqual(was);
    }
    expect(before.size).toBeGreaterThan(4);
  });
});
