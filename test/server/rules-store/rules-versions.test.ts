import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { startLiveRules, type LiveRules } from '../../../server/rules-store/live-rules';
import { createRulesVersions, rulesTextHash, type RulesVersions } from '../../../server/rules-store/rules-versions';
import { seedRules } from '../../../server/rules-store/seed-rules';
import { deleteKeys, testRedis, uniquePrefix } from '../../helpers/redis';
import { recordedLog } from '../../helpers/recorded-log';
import { testLog } from '../../helpers/silent-log';
import { until } from '../../helpers/until';
import { DEFAULT_RULES_FILE } from '../../rules/default-rules';

const TEXT = readFileSync(DEFAULT_RULES_FILE, 'utf8');
const WITH_BIK = TEXT.replace('fields: [contract.number, contract.date]', 'fields: [contract.number, contract.date, org.bik]');
const DIRECTOR = { username: 'director', fullName: 'Ирина Директорова' };
const bikGate = (rules: LiveRules) => rules.current().config.stages.find((s) => s.list === 'Подключение')!.gate!.fields;

describe('rules versions in Redis', () => {
  let redis: Redis;
  let prefix: string;
  let versions: RulesVersions;
  let dir: string;
  const live: LiveRules[] = [];
  beforeEach(() => {
    redis = testRedis();
    prefix = uniquePrefix('rules-versions');
    versions = createRulesVersions({ redis, prefix });
    dir = mkdtempSync(join(tmpdir(), 'gk-rules-'));
  });
  afterEach(async () => {
    await Promise.all(live.splice(0).map((l) => l.close()));
    await deleteKeys(redis, prefix);
    await redis.quit();
    rmSync(dir, { recursive: true, force: true });
  });
  const startLive = async (log = testLog()) => {
    const rules = await startLiveRules({ versions, subscriber: testRedis(), initial: await seedRules({ versions, file: DEFAULT_RULES_FILE, log }), log });
    live.push(rules);
    return rules;
  };

  describe('saving', () => {
    it('numbers versions, keeps each whole, and lists them newest first without their texts', async () => {
      expect(await versions.active()).toBeNull();
      const first = await versions.save({ text: TEXT, author: null, comment: 'RULES_FILE', source: 'file', base: null }, new Date('2026-11-28T09:00:00Z'));
      const second = await versions.save({ text: WITH_BIK, author: DIRECTOR, comment: 'БИК', source: 'editor', base: 1 }, new Date('2026-11-28T10:00:00Z'));
      expect(first).toEqual({ saved: { version: 1, author: null, at: '2026-11-28T09:00:00.000Z', comment: 'RULES_FILE', hash: rulesTextHash(TEXT), source: 'file', restoredFrom: null } });
      expect(second).toMatchObject({ saved: { version: 2, author: DIRECTOR, source: 'editor' } });
      expect(await versions.activeNumber()).toBe(2);
      expect((await versions.get(1))!.text).toBe(TEXT);
      expect((await versions.list()).map((v) => [v.version, 'text' in v])).toEqual([[2, false], [1, false]]);
    });

    it('refuses a save whose base is not the active version, answering the active one, and changes nothing', async () => {
      await versions.save({ text: TEXT, author: null, comment: 'v1', source: 'file', base: null });
      await versions.save({ text: WITH_BIK, author: DIRECTOR, comment: 'v2', source: 'editor', base: 1 });
      const stale = await versions.save({ text: `${TEXT}\n# stale\n`, author: DIRECTOR, comment: 'stale', source: 'editor', base: 1 });
      expect(stale).toEqual({ conflict: expect.objectContaining({ version: 2, comment: 'v2' }) });
      expect(await versions.save({ text: TEXT, author: null, comment: 'again', source: 'file', base: null })).toEqual({ conflict: expect.objectContaining({ version: 2 }) });
      expect(await versions.list()).toHaveLength(2);
    });

    it('lets exactly one of ten concurrent saves against the same base win', async () => {
      await versions.save({ text: TEXT, author: null, comment: 'v1', source: 'file', base: null });
      const results = await Promise.all(Array.from({ length: 10 }, (_, n) =>
        versions.save({ text: `${TEXT}\n# ${n}\n`, author: DIRECTOR, comment: String(n), source: 'editor', base: 1 })));
      expect(results.filter((r) => 'saved' in r)).toHaveLength(1);
      expect(await versions.activeNumber()).toBe(2);
    });
  });

  describe('seeding from RULES_FILE', () => {
    it('makes the file version 1 on an empty Redis, and only compares it afterwards', async () => {
      const { log, lines } = recordedLog();
      const first = await seedRules({ versions, file: DEFAULT_RULES_FILE, log });
      expect(first.version).toBe(1);
      expect(await versions.get(1)).toMatchObject({ source: 'file', author: null, comment: `RULES_FILE ${DEFAULT_RULES_FILE}`, text: TEXT });
      await seedRules({ versions, file: DEFAULT_RULES_FILE, log });
      expect(lines.map((l) => l.msg)).toEqual(['rules version 1 seeded from RULES_FILE', 'rules: the active version matches RULES_FILE']);
      expect(await versions.list()).toHaveLength(1);
    });

    it('keeps the active version when the file differs, and says so naming both', async () => {
      await seedRules({ versions, file: DEFAULT_RULES_FILE, log: testLog() });
      await versions.save({ text: WITH_BIK, author: DIRECTOR, comment: 'БИК', source: 'editor', base: 1 });
      const { log, at } = recordedLog();
      const active = await seedRules({ versions, file: DEFAULT_RULES_FILE, log });
      expect(active.version).toBe(2);
      expect(active.config.stages.find((s) => s.list === 'Подключение')!.gate!.fields).toContain('org.bik');
      const [warning] = at('warn');
      expect(warning).toMatchObject({
        rulesVersion: 2, savedBy: 'director', rulesFile: DEFAULT_RULES_FILE,
        activeHash: rulesTextHash(WITH_BIK).slice(0, 12), fileHash: rulesTextHash(TEXT).slice(0, 12),
      });
      expect(warning!.msg).toContain('RULES_FILE differs from the active version 2, which stays in force; "npm run rules -- import FILE"');
      expect(await versions.list()).toHaveLength(2);
    });

    it('stops on a broken file, listing its problems, even when a version is active', async () => {
      await seedRules({ versions, file: DEFAULT_RULES_FILE, log: testLog() });
      const broken = join(dir, 'rules.yaml');
      writeFileSync(broken, TEXT.replace('contract.date]', 'contract.dat]'));
      await expect(seedRules({ versions, file: broken, log: testLog() })).rejects.toThrow(/is invalid:[\s\S]*contract\.dat/);
    });
  });

  describe('live in a process', () => {
    it('switches to a version saved elsewhere on its pub/sub message', async () => {
      const rules = await startLive();
      await versions.save({ text: WITH_BIK, author: DIRECTOR, comment: 'БИК', source: 'editor', base: 1 });
      await until('the process heard of version 2', () => rules.current().version === 2, 2_000);
      expect(bikGate(rules)).toContain('org.bik');
    });

    it('finds a version whose message it missed when a job asks (fresh)', async () => {
      const log = testLog();
      const initial = await seedRules({ versions, file: DEFAULT_RULES_FILE, log });
      // Subscribed to a channel nobody publishes on: every message is missed.
      const rules = await startLiveRules({ versions: { ...versions, channel: `${prefix}:nothing` }, subscriber: testRedis(), initial, log });
      live.push(rules);
      await versions.save({ text: WITH_BIK, author: DIRECTOR, comment: 'БИК', source: 'editor', base: 1 });
      expect(rules.current().version).toBe(1);
      expect((await rules.fresh()).version).toBe(2);
      expect(bikGate(rules)).toContain('org.bik');
    });

    it('keeps the last good version, said once, when the active one can no longer be used', async () => {
      const { log, at } = recordedLog();
      const rules = await startLive(log);
      // What only a service with stricter checks than the one that saved it could meet.
      await versions.save({ text: TEXT.replace('contract.date]', 'contract.dat]'), author: DIRECTOR, comment: 'x', source: 'editor', base: 1 });
      expect((await rules.fresh()).version).toBe(1);
      expect((await rules.fresh()).version).toBe(1);
      await until('the error was logged', () => at('error').length > 0, 2_000);
      expect(at('error')).toHaveLength(1);
      expect(at('error')[0]).toMatchObject({ rulesVersion: 2, inForce: 1, msg: 'the active rules version cannot be used; the previous one stays in force' });
    });
  });
});
