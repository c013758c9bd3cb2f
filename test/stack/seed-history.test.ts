import type { Redis } from 'ioredis';
import {
  calendarOf, isWorkingDay, missingForStage, validateAccount, validateInn, validateKpp, validateOgrn, validatePhone,
  workingTimeBetween,
} from '../../rules';
import { createAuditLog, AuditEntry } from '../../server/store/audit-log';
import { createStageHistory, StageVisit } from '../../server/store/stage-history';
import { deleteKeys, testRedis, uniquePrefix } from '../helpers/redis';
import { loadDefaultRules, STAGE } from '../rules/default-rules';
import { startTrelloSimulator } from '../simulator';
import type { TrelloSimulator } from '../simulator/types';
import { seedHistory, type SeededHistory } from './seed-history';

const NOW = new Date('2026-11-27T13:30:00Z');
const config = loadDefaultRules();
const calendar = calendarOf(config);

describe('seedHistory: a year of plausible history on the demo board', () => {
  let redis: Redis;
  const sims: TrelloSimulator[] = [];
  const prefixes = [uniquePrefix('seed-a'), uniquePrefix('seed-b')];
  let seeded: SeededHistory;
  let again: SeededHistory;
  let boardLists: Record<string, string> | undefined;

  beforeAll(async () => {
    redis = testRedis();
    const seed = async (prefix: string) => {
      const sim = await startTrelloSimulator({ appSecret: 'seed-history-secret-0123456789ab' });
      sims.push(sim);
      const board = sim.seedDemoBoard();
      boardLists ??= board.lists;
      return seedHistory({ sim, board, redis, prefix, config, now: NOW, stations: 60, months: 12, seed: 1 });
    };
    seeded = await seed(prefixes[0]!);
    again = await seed(prefixes[1]!);
  }, 60_000);

  afterAll(async () => {
    for (const prefix of prefixes) await deleteKeys(redis, prefix);
    await redis.quit();
    await Promise.all(sims.map((sim) => sim.close()));
  });

  it('is deterministic: the same seed gives the same stations, stages and times', async () => {
    const shape = (h: SeededHistory) => h.cards.map(({ cardId: _, ...card }) => card);
    expect(shape(again)).toEqual(shape(seeded));
    const visits = async (prefix: string, h: SeededHistory) =>
      Promise.all(h.cards.map(async (c) => (await createStageHistory({ redis, prefix }).all(c.cardId)).map((v) => [v.stage, v.enteredAt, v.leftAt, v.actionId])));
    expect(await visits(prefixes[1]!, again)).toEqual(await visits(prefixes[0]!, seeded));
  });

  it('makes ~70% active clients, the rest across the stages, with every kind of event at least once', () => {
    const { counts } = seeded;
    expect(counts.stations).toBe(60);
    expect(counts.completed / counts.stations).toBeGreaterThan(0.6);
    expect(counts.completed / counts.stations).toBeLessThan(0.8);
    expect(counts.backwardMoves).toBeGreaterThan(0);
    expect(counts.suspensions).toBeGreaterThan(0);
    expect(counts.overdueNow).toBeGreaterThan(0);
    expect(counts.refusals).toBeGreaterThan(0);
    const inProgressStages = Object.keys(seeded.byStage).filter((s) => s !== STAGE.active && s !== STAGE.suspended);
    expect(inProgressStages.length).toBeGreaterThanOrEqual(3);
    expect(new Set(seeded.cards.map((c) => c.name)).size).toBe(60);
  });

  it('gets faster over the year: the last quarter onboards quicker than the first', () => {
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const quarter = (from: string, to: string) => seeded.completions.filter((c) => c.completedAt >= from && c.completedAt < to).map((c) => c.workingDays);
    const first = median(quarter('2025-11-27', '2026-03-01'));
    const last = median(quarter('2026-09-01', '2026-12-01'));
    expect(first).toBeGreaterThan(8);
    expect(last).toBeLessThan(8);
  });

  it('writes stage histories the service could have written: valid visits, closed in order, in working hours mostly', async () => {
    const history = createStageHistory({ redis, prefix: prefixes[0]! });
    let entries = 0;
    let inWorkingHours = 0;
    for (const card of seeded.cards) {
      const rows = await redis.lrange(`${prefixes[0]}:card:${card.cardId}:stages`, 0, -1);
      const visits = rows.map((row) => StageVisit.parse(JSON.parse(row)));
      expect(visits.length).toBe(card.visits);
      visits.forEach((v, i) => {
        expect(v.listId).toBe(boardLists![v.stage]);
        expect(v.leftAt).toBe(visits[i + 1]?.enteredAt ?? null);
        expect(Date.parse(v.enteredAt)).toBeLessThanOrEqual(NOW.getTime());
        expect(v.kind === 'suspension').toBe(v.stage === STAGE.suspended);
        entries += 1;
        const at = new Date(v.enteredAt);
        if (workingTimeBetween(calendar, at, new Date(at.getTime() + 60_000)).hours > 0) inWorkingHours += 1;
      });
      expect(visits[0]!.stage).toBe(STAGE.request);
      expect(visits.at(-1)!.stage).toBe(card.stage);
      expect((await history.current(card.cardId))?.stage).toBe(card.stage);
    }
    expect(inWorkingHours / entries).toBeGreaterThan(0.85);
    expect(inWorkingHours).toBeLessThan(entries); // and some evenings or weekends
  });

  it('writes the audit log under createAuditLog`s keys: valid entries, the stream in time order, refusals with the engine`s own texts', async () => {
    const audit = createAuditLog({ redis, prefix: prefixes[0]! });
    const stream = await redis.xrange(`${prefixes[0]}:audit`, '-', '+');
    expect(stream.length).toBe(seeded.counts.decisions);
    const entries = stream.map(([id, fields]) => ({ id, entry: AuditEntry.parse(JSON.parse(fields[1]!)) }));
    for (const { id, entry } of entries) expect(Number(id.split('-')[0])).toBe(Date.parse(entry.at));
    const verdicts = new Set(entries.map((e) => e.entry.verdict));
    expect([...verdicts].sort()).toEqual(['accepted', 'ignored', 'reverted']);
    const refusals = entries.filter((e) => e.entry.verdict === 'reverted').map((e) => e.entry);
    expect(refusals.length).toBe(seeded.counts.refusals);
    expect(refusals.every((r) => r.failures.length > 0 && r.reason === r.failures[0]!.code && r.revertedTo?.name === r.from?.name)).toBe(true);
    expect(refusals.some((r) => r.failures.some((f) => f.code === 'role_not_allowed' && r.to.name === STAGE.connection))).toBe(true);
    expect(new Set(entries.map((e) => e.entry.mover))).toEqual(new Set(['director', 'manager', 'engineer', 'accountant', 'gatekeeper']));

    // Each card's list: the same entries, newest first; the accepted ones are its visits.
    const card = seeded.cards.find((c) => c.refusals > 0)!;
    const forCard = await audit.recordsOfCard(card.cardId);
    expect(forCard.map((e) => e.id)).toEqual(entries.filter((e) => e.entry.cardId === card.cardId).map((e) => e.id).reverse());
    const visits = await createStageHistory({ redis, prefix: prefixes[0]! }).all(card.cardId);
    expect(forCard.filter((e) => e.verdict === 'accepted').map((e) => e.actionId).reverse()).toEqual(visits.map((v) => v.actionId));
  });

  it('leaves every card on the board where its history ends, with data that passes its gates', async () => {
    const sim = sims[0]!;
    for (const seededCard of seeded.cards) {
      const card = sim.card(seededCard.cardId);
      expect(card.listName).toBe(seededCard.stage);
      const station = (JSON.parse(card.pluginData[0]!.value) as { station: Record<string, unknown> }).station;
      const checklists = card.checklists.map((c) => ({ name: c.name, items: c.checkItems.map((i) => ({ name: i.name, complete: i.state === 'complete' })) }));
      const stage = seededCard.stage === STAGE.suspended ? STAGE.active : seededCard.stage;
      expect(missingForStage(config, stage, { name: card.name, station, checklists })).toEqual([]);
      if (station['org.inn'] !== undefined) {
        expect(validateInn(station['org.inn']).ok).toBe(true);
        expect(validateKpp(station['org.kpp']).ok).toBe(true);
        expect(validateOgrn(station['org.ogrn']).ok).toBe(true);
        expect(validateAccount(station['org.account'], station['org.bik']).ok).toBe(true);
      }
      if (station['contact.phone'] !== undefined) expect(validatePhone(station['contact.phone']).ok).toBe(true);
    }
  });

  it('starts onboardings on working days', () => {
    const day = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: calendar.timeZone }).format(new Date(iso));
    expect(seeded.cards.every((c) => isWorkingDay(calendar, day(c.startedAt)))).toBe(true);
  });
});
