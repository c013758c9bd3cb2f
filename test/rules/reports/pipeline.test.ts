import { boardSummary, viewerRights, type PipelineCard } from '../../../rules';
import { moscow } from '../calendar/work-calendars';
import { smallConfig } from '../small-config';
import { people, reportCard } from './report-builders';

// A → B → C; B's limit is 4 working hours, C has none.
const config = smallConfig({
  stages: [
    { list: 'A', owner: 'clerk', controller: 'boss', limitWorkingDays: 2 },
    { list: 'B', owner: 'clerk', controller: 'boss', limitWorkingHours: 4 },
    { list: 'C', owner: 'boss', controller: 'boss' },
  ],
});
const now = moscow('2026-06-03 12:00'); // a Wednesday
const at = (wallTime: string) => moscow(wallTime).toISOString();
const open = (stage: string, from: string) => [{ stage, enteredAt: at(from), leftAt: null }];

function pipelineOf(cards: Parameters<typeof boardSummary>[0]['cards']) {
  return boardSummary({
    config, cards, decisions: [], people, viewer: viewerRights(config, 'alice'), now,
    period: { from: moscow('2026-06-01 00:00'), to: moscow('2026-07-01 00:00') },
  }).pipeline;
}

describe('the pipeline', () => {
  it('gives a limit in hours as a share of a day, and the owner role with its people', () => {
    const [a, b, c] = pipelineOf([]);
    expect(a).toMatchObject({ stage: 'A', side: false, limitDays: 2, owner: { role: 'clerk', people: [people('bob'), people('carol')] }, cards: [] });
    expect(b!.limitDays).toBe(0.44); // 4 of 9 hours
    expect(c!.limitDays).toBeNull();
  });

  it('places a card by its list, spelt as people spell it', () => {
    const [a] = pipelineOf([reportCard('Строчная', ' a ', open('A', '2026-06-03 09:00'))]);
    expect(a!.cards.map((c) => [c.name, c.stage, c.elapsedDays])).toEqual([['Строчная', 'A', 0.33]]);
  });

  it('measures nothing when the last visit is of another stage (its move was not recorded)', () => {
    const [, b] = pipelineOf([reportCard('Потерянная', 'B', open('A', '2026-06-01 10:00'))]);
    expect(b!.cards[0]).toMatchObject({ enteredAt: null, elapsedDays: 0, limitDays: 0.44, state: 'no-limit', overdueDays: 0, sinceStartDays: 2.22 });
  });

  it('puts the worst first: overdue, most over first; then warning; then on time, longest first', () => {
    const [a] = pipelineOf([
      reportCard('Вовремя', 'A', open('A', '2026-06-03 11:00')), // 1 h of 18
      reportCard('Вовремя дольше', 'A', open('A', '2026-06-03 09:00')), // 3 h
      reportCard('Почти', 'A', open('A', '2026-06-01 14:00')), // 4 + 9 + 3 = 16 h: warning from 13.5
      reportCard('Просрочена', 'A', open('A', '2026-06-01 09:00')), // 21 h: 3 over
      reportCard('Просрочена сильнее', 'A', open('A', '2026-05-29 09:00')), // 30 h: 12 over
    ]);
    expect(a!.cards.map((c: PipelineCard) => [c.name, c.state, c.overdueDays])).toEqual([
      ['Просрочена сильнее', 'overdue', 1.33],
      ['Просрочена', 'overdue', 0.33],
      ['Почти', 'warning', 0],
      ['Вовремя дольше', 'ok', 0],
      ['Вовремя', 'ok', 0],
    ]);
    expect(a).toMatchObject({ overdue: 2, warning: 1 });
  });

  it('holds a card by whoever took it, or else by every member of the owner role', () => {
    const [a] = pipelineOf([
      reportCard('Взята', 'A', open('A', '2026-06-03 11:00'), people('carol')),
      reportCard('Ничья', 'A', open('A', '2026-06-03 10:00')),
    ]);
    expect(a!.cards.map((c) => [c.name, c.responsible, c.holders])).toEqual([
      ['Ничья', null, [people('bob'), people('carol')]],
      ['Взята', people('carol'), [people('carol')]],
    ]);
  });
});
