import { boardSummary, type DecisionLike, type ViewerRights } from '../../../rules';
import { moscow } from '../calendar/work-calendars';
import { smallConfig } from '../small-config';
import { decision, list, people } from './report-builders';

const config = smallConfig();
const june = { from: moscow('2026-06-01 00:00'), to: moscow('2026-07-01 00:00') };
const failure = (stage: string, ru: string) => ({ code: 'field_missing', stage, ru, en: ru });

function refusalsOf(decisions: DecisionLike[], viewer: ViewerRights = { seesPeople: true, canExport: true }) {
  return boardSummary({ config, cards: [], decisions, people, viewer, period: june, now: moscow('2026-06-15 12:00') }).refusals;
}

describe('refusals', () => {
  it('counts only reverted moves, from the first instant of the period up to its end', () => {
    const refused = (at: string) => decision({ verdict: 'reverted', at: moscow(at).toISOString(), to: list('B') });
    const summary = refusalsOf([
      refused('2026-06-01 00:00'),
      refused('2026-06-30 23:59'),
      refused('2026-07-01 00:00'),
      refused('2026-05-31 23:59'),
      decision({ verdict: 'accepted', at: moscow('2026-06-10 10:00').toISOString(), to: list('B') }),
      decision({ verdict: 'ignored', at: moscow('2026-06-10 10:00').toISOString(), to: list('X') }),
    ]);
    expect(summary.total).toBe(2);
  });

  it('tells reasons apart by code, stage and text, and orders ties by text', () => {
    const summary = refusalsOf([
      decision({ verdict: 'reverted', at: '2026-06-10T07:00:00Z', to: list('C'), failures: [failure('C', 'нет телефона'), failure('B', 'нет телефона')] }),
      decision({ verdict: 'reverted', at: '2026-06-11T07:00:00Z', to: list('C'), failures: [failure('C', 'нет телефона'), failure('C', 'ещё нет имени')] }),
    ]);
    expect(summary.byReason.map((r) => [r.stage, r.ru, r.count])).toEqual([
      ['C', 'нет телефона', 2],
      ['C', 'ещё нет имени', 1],
      ['B', 'нет телефона', 1],
    ]);
  });

  it('orders stages with as many refusals as the rules do, a list that is no stage last', () => {
    const to = (name: string) => decision({ verdict: 'reverted', at: '2026-06-10T07:00:00Z', to: list(name) });
    expect(refusalsOf([to('Архив'), to('C'), to('b'), to('A')]).byStage).toEqual([
      { stage: 'A', count: 1 }, { stage: 'B', count: 1 }, { stage: 'C', count: 1 }, { stage: 'Архив', count: 1 },
    ]);
  });

  it('counts by member only for those who see people', () => {
    const decisions = [
      decision({ verdict: 'reverted', at: '2026-06-10T07:00:00Z', to: list('B'), mover: 'carol' }),
      decision({ verdict: 'reverted', at: '2026-06-10T07:00:00Z', to: list('B'), mover: 'bob' }),
    ];
    expect(refusalsOf(decisions).byMember).toEqual([{ person: people('bob'), count: 1 }, { person: people('carol'), count: 1 }]);
    expect(refusalsOf(decisions, { seesPeople: false, canExport: false }).byMember).toBeNull();
  });
});
