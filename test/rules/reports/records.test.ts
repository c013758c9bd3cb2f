import { toDecisionRecord, visitRecords, type VisitLike } from '../../../rules';
import { moscow } from '../calendar/work-calendars';
import { loadDefaultRules, STAGE as S } from '../default-rules';
import { decision, list, path, people } from './report-builders';

const config = loadDefaultRules();

describe('toDecisionRecord', () => {
  it('names lists and the mover, and drops what the engine saw', () => {
    const entry = {
      ...decision({
        verdict: 'reverted', at: '2026-06-10T07:00:01Z', movedAt: '2026-06-10T07:00:00Z', mover: 'manager',
        from: list(S.contract), to: list(S.connection), revertedTo: list(S.contract), reason: 'role_not_allowed',
      }),
      rulesVersion: 4,
      failures: [{ code: 'role_not_allowed', stage: S.connection, ru: 'только director', en: 'only director', facts: { mover: 'manager' } }],
    };
    expect(toDecisionRecord(entry, people)).toEqual({
      id: entry.id, at: '2026-06-10T07:00:01Z', movedAt: '2026-06-10T07:00:00Z', cardId: entry.cardId, cardName: entry.cardName,
      mover: people('manager'), from: S.contract, to: S.connection, verdict: 'reverted', reason: 'role_not_allowed',
      failures: [{ code: 'role_not_allowed', stage: S.connection, ru: 'только director', en: 'only director' }],
      revertedTo: S.contract, dryRun: false, rulesVersion: 4,
    });
  });

  it('has null for what the entry does not know', () => {
    const record = toDecisionRecord(decision({ verdict: 'accepted', at: '2026-06-10T07:00:00Z', from: null, to: list(S.request) }), people);
    // rulesVersion: an entry judged before the rules had versions.
    expect(record).toMatchObject({ movedAt: null, from: null, revertedTo: null, rulesVersion: null });
  });
});

describe('visitRecords', () => {
  it('gives each visit its working days, the open one up to now, the suspension marked', () => {
    const visits = path(
      [S.active, '2026-04-30 10:00'], // Thu 8 h, Fri 1 May holiday, Sat, Sun, Mon 4 May 1 h = 1
      // Mon 4 May 10:00 → Fri 8 May 10:00: 4; Fri 8 h, Sat 9, Sun 10, Mon 11 May off, Tue 12 May
      // 09:00–12:00 3 h: 11 h = 1.22. 5.22 in all.
      [S.suspended, '2026-05-04 10:00'],
      [S.active, '2026-05-12 12:00'], // open: Tue 12:00 → 15:00 = 3 h = 0.33
    );
    const responsible = (visit: VisitLike) => (visit.stage === S.suspended ? people('engineer') : null);
    const records = visitRecords(config, visits, responsible, moscow('2026-05-12 15:00'));
    expect(records.map((r) => [r.stage, r.workingDays, r.suspension, r.responsible?.username ?? null])).toEqual([
      [S.active, 1, false, null],
      [S.suspended, 5.22, true, 'engineer'],
      [S.active, 0.33, false, null],
    ]);
    expect(records[2]).toMatchObject({ enteredAt: moscow('2026-05-12 12:00').toISOString(), leftAt: null });
  });
});
