import { backwardMoves, calendarOf, cardFlow } from '../../../rules';
import { moscow } from '../calendar/work-calendars';
import { loadDefaultRules, STAGE as S } from '../default-rules';
import { path } from './report-builders';

const config = loadDefaultRules();
const calendar = calendarOf(config);

describe('backwardMoves', () => {
  const visits = (...stages: string[]) => stages.map((stage) => ({ stage, enteredAt: '2026-06-01T07:00:00Z', leftAt: null }));

  it('is none forward, or into the same stage again', () => {
    expect(backwardMoves(config, visits(S.request, S.data, S.data, S.contract))).toBe(0);
  });

  it('counts every arrival earlier in the order than the stage before', () => {
    expect(backwardMoves(config, visits(S.request, S.data, S.techReview, S.data, S.techReview, S.request))).toBe(2);
  });

  it('steps over a suspension: back to where it was is none, back to an earlier stage is one', () => {
    expect(backwardMoves(config, visits(S.active, S.suspended, S.active))).toBe(0);
    expect(backwardMoves(config, visits(S.active, S.suspended, S.accounting))).toBe(1);
  });

  it('ignores lists that are no stage any more', () => {
    expect(backwardMoves(config, visits(S.contract, 'Старый этап', S.data))).toBe(1);
    expect(backwardMoves(config, visits('Старый этап', S.request))).toBe(0);
  });
});

describe('cardFlow', () => {
  it('is all zero without a history', () => {
    expect(cardFlow(config, calendar, [], moscow('2026-06-15 12:00'))).toEqual({ sinceStartDays: 0, suspendedDays: 0, backwardMoves: 0 });
  });

  it('counts a suspension still open up to now, apart from the time since start', () => {
    const visits = path([S.active, '2026-06-01 10:00'], [S.suspended, '2026-06-03 10:00']);
    // Mon → Wed 2 active; Wed → Fri 10:00 2 suspended, + 4.5 h = 2.5.
    expect(cardFlow(config, calendar, visits, moscow('2026-06-05 14:30'))).toEqual({ sinceStartDays: 2, suspendedDays: 2.5, backwardMoves: 0 });
  });

  it('reads the visits in time order whatever order they come in', () => {
    const visits = path([S.request, '2026-06-01 10:00'], [S.data, '2026-06-02 10:00'], [S.request, '2026-06-03 10:00']);
    expect(cardFlow(config, calendar, [...visits].reverse(), moscow('2026-06-04 10:00'))).toEqual({ sinceStartDays: 3, suspendedDays: 0, backwardMoves: 1 });
  });
});
