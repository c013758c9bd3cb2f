import { completedOnboardings } from '../../../rules';
import { moscow } from '../calendar/work-calendars';
import { smallConfig } from '../small-config';
import { reportCard } from './report-builders';

// A → B → C with a side suspension S: an onboarding is complete on the first arrival in C.
const config = smallConfig({
  stages: [
    { list: 'A', owner: 'clerk', controller: 'boss' },
    { list: 'B', owner: 'clerk', controller: 'boss', limitWorkingHours: 4 },
    { list: 'C', owner: 'clerk', controller: 'boss' },
    { list: 'S', owner: 'clerk', controller: 'boss', side: true, suspension: true },
  ],
});

const at = (wallTime: string) => moscow(wallTime).toISOString();
const visit = (stage: string, from: string, to: string | null, kind?: 'suspension') => ({
  stage, enteredAt: at(from), leftAt: to === null ? null : at(to), ...(kind ? { kind } : {}),
});

describe('completedOnboardings', () => {
  it('skips a stage the card never entered with 0 days, and leaves out the last stage', () => {
    const card = reportCard('Прыжок', 'C', [visit('A', '2026-06-01 10:00', '2026-06-02 10:00'), visit('C', '2026-06-02 10:00', null)]);
    expect(completedOnboardings(config, [card])).toEqual([
      {
        cardId: 'card-Прыжок', name: 'Прыжок', startedAt: at('2026-06-01 10:00'), completedAt: at('2026-06-02 10:00'), month: '2026-06',
        leadDays: 1, perStage: [{ stage: 'A', days: 1 }, { stage: 'B', days: 0 }],
      },
    ]);
  });

  it('ends a visit left open by a lost event where the next begins', () => {
    const card = reportCard('Дыра', 'C', [
      visit('A', '2026-06-01 10:00', null),
      visit('B', '2026-06-02 10:00', '2026-06-03 10:00'),
      visit('C', '2026-06-03 10:00', null),
    ]);
    expect(completedOnboardings(config, [card])[0]!.perStage).toEqual([{ stage: 'A', days: 1 }, { stage: 'B', days: 1 }]);
  });

  it('keeps time in a stage the rules call a suspension out, recorded as one or not', () => {
    const card = reportCard('Пауза', 'C', [
      visit('A', '2026-06-01 10:00', '2026-06-02 10:00'),
      visit('S', '2026-06-02 10:00', '2026-06-04 10:00'),
      visit('C', '2026-06-04 10:00', null),
    ]);
    expect(completedOnboardings(config, [card])[0]!.leadDays).toBe(1);
  });

  it('counts nothing for a card without history, still under way, or whose history starts at the end', () => {
    const cards = [
      reportCard('Пусто', 'A', []),
      reportCard('В пути', 'B', [visit('A', '2026-06-01 10:00', '2026-06-02 10:00'), visit('B', '2026-06-02 10:00', null)]),
      reportCard('Старый клиент', 'C', [visit('C', '2026-06-01 10:00', null)]),
    ];
    expect(completedOnboardings(config, cards)).toEqual([]);
  });

  it('takes the period from its first instant up to, not including, its last', () => {
    const done = (name: string, wallTime: string) =>
      reportCard(name, 'C', [visit('A', '2026-05-29 10:00', wallTime), visit('C', wallTime, null)]);
    const cards = [done('В полночь', '2026-06-01 00:00'), done('За минуту до', '2026-05-31 23:59'), done('В конце', '2026-07-01 00:00')];
    const june = { from: moscow('2026-06-01 00:00'), to: moscow('2026-07-01 00:00') };
    expect(completedOnboardings(config, cards, june).map((r) => r.name)).toEqual(['В полночь']);
  });
});
