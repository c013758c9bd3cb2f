import { boardSummary, viewerRights } from '../../../rules';
import { moscow } from '../calendar/work-calendars';
import { smallConfig } from '../small-config';
import { path, people, reportCard } from './report-builders';

const span = { key: 'b-to-c', label: { ru: 'От B до C', en: 'B to C' }, from: 'B', to: 'C' };
const config = smallConfig({ reports: { spans: [span] } });

function spansOf(cards: ReturnType<typeof reportCard>[]) {
  const june = { from: moscow('2026-06-01 00:00'), to: moscow('2026-07-01 00:00') };
  return boardSummary({ config, cards, decisions: [], people, viewer: viewerRights(config, 'alice'), period: june, now: moscow('2026-06-30 12:00') });
}

describe('a span of the rules', () => {
  it('runs from the first arrival in `from` to the first arrival in `to` after it', () => {
    const card = reportCard('Петля', 'C', path(
      ['C', '2026-06-01 10:00'], // an arrival in C before any in B does not end the span
      ['B', '2026-06-02 10:00'], // the start: Tue
      ['A', '2026-06-03 10:00'],
      ['B', '2026-06-04 10:00'], // a second arrival in B does not restart it
      ['C', '2026-06-05 10:00'], // the end: Fri, 3 working days after Tue
      ['C', '2026-06-08 10:00'],
    ));
    const summary = spansOf([card]);
    expect(summary.spans).toEqual([
      { ...span, stats: { count: 1, mean: 3, median: 3, p85: 3 }, months: [{ month: '2026-06', count: 1, mean: 3, median: 3, p85: 3 }] },
    ]);
    expect(summary.headline).toMatchObject({ span: 'b-to-c', label: span.label, thisMonth: { month: '2026-06', count: 1 }, lastMonth: { month: '2026-05', count: 0, mean: null } });
    expect(summary.headline.trend).toHaveLength(12);
    expect(summary.headline.trend[0]!.month).toBe('2025-07');
  });

  it('is not completed by a card that never got to `to` after `from`', () => {
    const card = reportCard('Назад', 'A', path(['C', '2026-06-01 10:00'], ['B', '2026-06-02 10:00'], ['A', '2026-06-03 10:00']));
    expect(spansOf([card]).spans[0]!.stats.count).toBe(0);
  });
});
