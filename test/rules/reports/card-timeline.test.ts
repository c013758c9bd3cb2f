import { calendarOf, workingTimeBetween, type VisitLike } from '../../../rules';
import { activeDaysBetween, activeDaysToNow, cardTimeline, suspendedDays, visitMsBefore, type CardTimeline } from '../../../rules/reports/card-timeline';
import { activeDays, timedVisits } from '../../../rules/reports/visit-time';
import { moscow } from '../calendar/work-calendars';
import { loadDefaultRules, STAGE as S } from '../default-rules';
import { path } from './report-builders';

// A card's timeline measures each visit once and keeps running totals; every figure read off it
// must be what measuring the stretch directly gives (activeDays: working time minus the suspension
// inside), for tidy histories and for the odd ones a lost or late event leaves.

const config = loadDefaultRules();
const calendar = calendarOf(config);
const now = moscow('2026-06-15 12:00');
const HOUR = 3_600_000;

/** Every figure of the timeline against the direct measure, to 1e-9 of a day. */
function expectSameAsDirect(timeline: CardTimeline): void {
  const direct = timedVisits(config, timeline.visits.map((v) => v.visit), timeline.now);
  const visits = timeline.visits;
  for (let i = 0; i < visits.length; i++) {
    for (let j = i; j < visits.length; j++) {
      expect({ i, j, days: activeDaysBetween(timeline, i, j) }).toEqual({
        i, j, days: expect.closeTo(activeDays(calendar, direct, visits[i]!.start, visits[j]!.start), 9),
      });
    }
    for (const to of visits.map((v) => v.startMs)) {
      const v = visits[i]!;
      const end = Math.min(v.endMs, to);
      expect(visitMsBefore(timeline, v, to)).toBe(workingTimeBetween(calendar, v.start, new Date(end)).hours * HOUR);
    }
  }
  if (visits.length > 0) expect(activeDaysToNow(timeline)).toBeCloseTo(activeDays(calendar, direct, visits[0]!.start, timeline.now), 9);
}

describe('cardTimeline', () => {
  it('keeps, at each arrival, the working time since the first one and the suspension inside it', () => {
    const timeline = cardTimeline(config, calendar, path(
      [S.contract, '2026-05-07 10:00'], // Thu → Fri 1; Fri 8 May → Tue 12 May 1 (9–11 May off); Tue → Thu 2: 4
      [S.connection, '2026-05-14 10:00'], // Thu → Fri: 1
      [S.suspended, '2026-05-15 10:00'], // Fri → Wed: 3 suspended
      [S.connection, '2026-05-20 10:00'],
    ), now);
    const days = (ms: number) => ms / HOUR / calendar.hoursPerDay;
    expect(timeline.visits.map((v) => [days(v.workedMs), days(v.suspendedMs)])).toEqual([[0, 0], [4, 0], [5, 0], [8, 3]]);
    expect(timeline.visits.map((v) => days(v.ownMs))).toEqual([4, 1, 3, days(workingTimeBetween(calendar, moscow('2026-05-20 10:00'), now).hours * HOUR)]);
    expect(activeDaysBetween(timeline, 0, 3)).toBe(5);
    expect(suspendedDays(timeline)).toBe(3);
    expectSameAsDirect(timeline);
  });

  it('reads the same as the direct measure when a leftAt runs past the next arrival, also in suspension', () => {
    const visits: VisitLike[] = [
      { stage: S.request, enteredAt: moscow('2026-04-01 10:00').toISOString(), leftAt: moscow('2026-04-03 15:00').toISOString() },
      { stage: S.suspended, kind: 'suspension', enteredAt: moscow('2026-04-02 10:00').toISOString(), leftAt: moscow('2026-04-14 12:00').toISOString() },
      { stage: S.data, enteredAt: moscow('2026-04-06 11:00').toISOString(), leftAt: null },
      { stage: S.suspended, enteredAt: moscow('2026-04-08 09:30').toISOString(), leftAt: moscow('2026-04-20 10:00').toISOString() },
      { stage: S.techReview, enteredAt: moscow('2026-04-16 10:00').toISOString(), leftAt: null },
    ];
    expectSameAsDirect(cardTimeline(config, calendar, visits, now));
  });

  it('reads the same as the direct measure over gaps, equal arrivals, a leftAt before its arrival and visits out of order', () => {
    const visits: VisitLike[] = [
      { stage: S.data, enteredAt: moscow('2026-04-06 11:00').toISOString(), leftAt: moscow('2026-04-07 11:00').toISOString() },
      { stage: S.request, enteredAt: moscow('2026-04-01 10:00').toISOString(), leftAt: moscow('2026-04-02 10:00').toISOString() },
      { stage: 'Архив', enteredAt: moscow('2026-04-06 11:00').toISOString(), leftAt: moscow('2026-04-05 11:00').toISOString() },
      { stage: S.suspended, kind: 'suspension', enteredAt: moscow('2026-04-09 10:00').toISOString(), leftAt: null },
      { stage: S.contract, enteredAt: moscow('2026-04-20 10:00').toISOString(), leftAt: null },
    ];
    expectSameAsDirect(cardTimeline(config, calendar, visits, now));
  });

  it('measures to `now` directly when the clock is behind the history', () => {
    const timeline = cardTimeline(config, calendar, path([S.request, '2026-06-01 10:00'], [S.suspended, '2026-06-03 10:00'], [S.data, '2026-06-20 10:00']), now);
    expect(timeline.atNow).toBeNull();
    expectSameAsDirect(timeline);
  });

  it('has nothing to say of a card without a history', () => {
    const timeline = cardTimeline(config, calendar, [], now);
    expect(timeline.visits).toEqual([]);
    expect(activeDaysToNow(timeline)).toBe(0);
    expect(suspendedDays(timeline)).toBe(0);
  });
});
