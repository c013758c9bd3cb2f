import { boardSummary, completedOnboardings, viewerRights, type BoardSummary, type PipelineCard } from '../../../rules';
import { moscow } from '../calendar/work-calendars';
import { loadDefaultRules, STAGE } from '../default-rules';
import { decision, list, path, people, reportCard } from './report-builders';

// The director's figures for a board of twelve cards, every number worked out by hand on the
// default rules' calendar: Moscow, 09:00–18:00 (a working day is 9 hours), the Russian production
// calendar. The days the histories cross:
//   2025: Sat 1 Nov worked (transferred), Mon 3 and Tue 4 Nov off.
//   2026: Fri 1 May off; Sat 9 May a holiday on a weekend, so Mon 11 May off; Fri 12 June off.
// A visit from 10:00 on one working day to 10:00 on the next is 1.00: 8 hours + 1 hour.
//
// «now» is Monday 15 June 2026 at 12:00; the period is the second quarter, April to June.

const config = loadDefaultRules();
const now = moscow('2026-06-15 12:00');
const period = { from: moscow('2026-04-01 00:00'), to: moscow('2026-07-01 00:00') };
const S = STAGE;

const cards = [
  // Straight through in April, over two weekends.
  reportCard('Альфа', S.active, path(
    [S.request, '2026-04-01 10:00'], // Wed → Thu 10:00: 1
    [S.data, '2026-04-02 10:00'], // Thu → Fri 1, Fri → Mon over the weekend 1, Mon → Tue 1: 3
    [S.techReview, '2026-04-07 10:00'], // Tue → Fri 10:00: 3
    [S.contract, '2026-04-10 10:00'], // Fri → Fri a week later: 5
    [S.connection, '2026-04-17 10:00'], // Fri → Mon: 1
    [S.access, '2026-04-20 10:00'], // Mon → Tue: 1
    [S.accounting, '2026-04-21 10:00'], // Tue → Wed: 1
    [S.active, '2026-04-22 10:00'],
  )),
  // Over 1 May and over 9–11 May.
  reportCard('Бета', S.active, path(
    [S.request, '2026-04-28 10:00'], // Tue → Wed: 1
    [S.data, '2026-04-29 10:00'], // Wed → Thu 1; Thu 30 Apr → Mon 4 May: Thu 8 h, Fri 1 May holiday, Sat, Sun, Mon 1 h = 1; Mon → Tue 1: 3
    [S.techReview, '2026-05-05 10:00'], // Tue → Thu: 2
    [S.contract, '2026-05-07 10:00'], // Thu → Fri 1; Fri 8 May → Tue 12 May: Fri 8 h, Sat 9 May, Sun, Mon 11 May off, Tue 1 h = 1; Tue → Wed 1: 3
    [S.connection, '2026-05-13 10:00'], // Wed → Fri: 2
    [S.access, '2026-05-15 10:00'], // Fri → Mon: 1
    [S.accounting, '2026-05-18 10:00'], // Mon → Tue: 1
    [S.active, '2026-05-19 10:00'],
  )),
  // A step back from «Техническая экспертиза» to «Сбор данных»; over 12 June; part days.
  reportCard('Вега', S.active, path(
    [S.request, '2026-06-01 10:00'], // Mon → Tue: 1
    [S.data, '2026-06-02 10:00'], // Tue → Wed: 1
    [S.techReview, '2026-06-03 10:00'], // Wed → Thu: 1
    [S.data, '2026-06-04 10:00'], // back: Thu → Fri: 1 (stage total 2)
    [S.techReview, '2026-06-05 10:00'], // Fri → Mon over the weekend: 1 (stage total 2)
    [S.contract, '2026-06-08 10:00'], // Mon → Wed: 2
    [S.connection, '2026-06-10 10:00'], // Wed 10:00 → Thu 14:30: Wed 8 h + Thu 5.5 h = 13.5 h = 1.5
    [S.access, '2026-06-11 14:30'], // Thu 14:30 → Mon 10:00: Thu 3.5 h, Fri 12 June holiday, Sat, Sun, Mon 1 h = 4.5 h = 0.5
    [S.accounting, '2026-06-15 10:00'], // Mon 10:00 → 11:00: 1 h = 0.11
    [S.active, '2026-06-15 11:00'],
  )),
  // Suspended half-way (an older version of the rules let any stage be suspended; the figures judge
  // no move, they count the history as it is). The suspension is kept out of every span.
  reportCard('Гамма', S.active, path(
    [S.request, '2026-05-04 10:00'], // Mon → Tue: 1
    [S.data, '2026-05-05 10:00'], // Tue → Wed: 1
    [S.techReview, '2026-05-06 10:00'], // Wed → Thu: 1
    [S.contract, '2026-05-07 10:00'], // Thu → Fri 1; Fri 8 May → Tue 12 May 1 (as for Бета); Tue → Wed 1; Wed → Thu 1: 4
    [S.connection, '2026-05-14 10:00'], // Thu → Fri: 1
    [S.suspended, '2026-05-15 10:00'], // Fri → Mon 1, Mon → Tue 1, Tue → Wed 1: 3 suspended
    [S.connection, '2026-05-20 10:00'], // Wed → Thu: 1, back where it was: no step back (stage total 2)
    [S.access, '2026-05-21 10:00'], // Thu → Fri: 1
    [S.accounting, '2026-05-22 10:00'], // Fri → Mon: 1
    [S.active, '2026-05-25 10:00'],
  )),
  // Completed in November 2025, over the worked Saturday; suspended now (since 2 June 2026).
  reportCard('Дельта', S.suspended, path(
    [S.request, '2025-10-30 10:00'], // Thu → Fri: 1
    [S.data, '2025-10-31 10:00'], // Fri → Sat 1 Nov 10:00: Fri 8 h + Sat (a working day) 1 h = 1
    [S.techReview, '2025-11-01 10:00'], // Sat 8 h, Sun, Mon 3 Nov and Tue 4 Nov off, Wed 1 h = 1
    [S.contract, '2025-11-05 10:00'], // Wed → Fri: 2
    [S.connection, '2025-11-07 10:00'], // Fri → Mon: 1
    [S.access, '2025-11-10 10:00'], // Mon → Tue: 1
    [S.accounting, '2025-11-11 10:00'], // Tue → Wed: 1
    [S.active, '2025-11-12 10:00'],
    [S.suspended, '2026-06-02 10:00'],
  )),
  // In «Договор и оплата» since Wed 27 May, past its 10 days.
  reportCard('Эпсилон', S.contract, path(
    [S.request, '2026-05-22 10:00'], // Fri → Mon: 1
    [S.data, '2026-05-25 10:00'], // Mon → Tue: 1
    [S.techReview, '2026-05-26 10:00'], // Tue → Wed: 1
    [S.contract, '2026-05-27 10:00'],
  )),
  // In «Подключение» since Wed 10 June 15:00, taken by the engineer.
  reportCard('Зета', S.connection, path(
    [S.request, '2026-06-01 10:00'],
    [S.data, '2026-06-02 10:00'],
    [S.techReview, '2026-06-03 10:00'],
    [S.contract, '2026-06-04 10:00'],
    [S.connection, '2026-06-10 15:00'],
  ), people('engineer')),
  // In a list that is no stage: left out of the pipeline.
  reportCard('Эта', 'Архив', path([S.request, '2026-06-01 10:00'])),
  // A client from before the service: its history starts in «Активный клиент», it completed nothing.
  reportCard('Тета', S.active, path([S.active, '2026-03-02 10:00'])),
  // In «Новая заявка» with no history (the move was lost): nothing honest to measure.
  reportCard('Йота', S.request, []),
  // Completed at 01:00 Moscow time on 1 April, still 31 March in UTC: April, in the period. Went back
  // to «Регистрация в учёте» afterwards: a step back, but the first arrival stays the completion.
  reportCard('Каппа', S.active, path(
    [S.request, '2026-03-23 10:00'], // Mon → Tue: 1
    [S.data, '2026-03-24 10:00'], // Tue → Wed: 1
    [S.techReview, '2026-03-25 10:00'], // Wed → Thu: 1
    [S.contract, '2026-03-26 10:00'], // Thu → Fri: 1
    [S.connection, '2026-03-27 10:00'], // Fri → Mon: 1
    [S.access, '2026-03-30 10:00'], // Mon → Tue: 1
    [S.accounting, '2026-03-31 10:00'], // Tue 10:00 → Wed 01:00: Tue 8 h = 0.89
    [S.active, '2026-04-01 01:00'],
    [S.accounting, '2026-04-02 10:00'],
    [S.active, '2026-04-03 10:00'],
  )),
  // In «Новая заявка» since Wed 10 June, past its 1 day.
  reportCard('Лямбда', S.request, path([S.request, '2026-06-10 10:00'])),
];

const PERSONS = { manager: people('manager'), engineer: people('engineer') };

const decisions = [
  decision({
    verdict: 'reverted', at: '2026-04-10T08:00:00.000Z', mover: 'manager', to: list(S.connection),
    failures: [
      { code: 'role_not_allowed', stage: S.connection, ru: 'переместить в «Подключение» может только директор (@director)', en: 'only director (@director) may move cards into "Подключение"' },
      { code: 'field_not_true', stage: S.connection, ru: 'не отмечено поле «Договор подписан»', en: 'field "Contract signed" is not checked' },
    ],
  }),
  decision({
    verdict: 'reverted', at: '2026-05-12T08:00:00.000Z', mover: 'manager', to: list(S.connection),
    failures: [{ code: 'role_not_allowed', stage: S.connection, ru: 'переместить в «Подключение» может только директор (@director)', en: 'only director (@director) may move cards into "Подключение"' }],
  }),
  decision({
    verdict: 'reverted', at: '2026-06-01T08:00:00.000Z', mover: 'engineer', to: list(S.access),
    failures: [{ code: 'field_not_true', stage: S.access, ru: 'не отмечено поле «Потоки заведены в вещательную инфраструктуру»', en: 'field "Streams are live in the broadcast infrastructure" is not checked' }],
  }),
  // Moved at 23:59 on 30 June, judged at 00:01 on 1 July: the move's time decides, so it is in. A
  // dry-run refusal counts, and «@Manager» is the manager.
  decision({
    verdict: 'reverted', dryRun: true, at: '2026-06-30T21:01:00.000Z', movedAt: '2026-06-30T20:59:00.000Z', mover: '@Manager', to: list('подключение'),
    failures: [{ code: 'role_not_allowed', stage: S.connection, ru: 'переместить в «Подключение» может только директор (@director)', en: 'only director (@director) may move cards into "Подключение"' }],
  }),
  // Before the period.
  decision({
    verdict: 'reverted', at: '2026-03-31T20:59:00.000Z', mover: 'engineer', to: list(S.connection),
    failures: [{ code: 'role_not_allowed', stage: S.connection, ru: 'переместить в «Подключение» может только директор (@director)', en: 'only director (@director) may move cards into "Подключение"' }],
  }),
  decision({ verdict: 'accepted', at: '2026-05-01T08:00:00.000Z', to: list(S.data) }),
  decision({ verdict: 'ignored', at: '2026-05-01T08:00:00.000Z', to: list('Архив'), reason: 'not-in-process' }),
];

function summaryFor(username: string): BoardSummary {
  return boardSummary({ config, cards, decisions, people, viewer: viewerRights(config, username), period, now });
}

const summary = summaryFor('director');

describe("the director's figures, worked out by hand", () => {
  describe('completed onboardings (first arrival in «Активный клиент»)', () => {
    // lead = working days from the first visit to that arrival, suspension excluded; per stage in
    // rules order: request, data, tech review, contract, connection, access, accounting.
    const EXPECTED = [
      // Completed 1 Apr 01:00 MSK: six whole days + Tue 8 h (0.89).
      { name: 'Каппа', month: '2026-04', leadDays: 6.89, perStage: [1, 1, 1, 1, 1, 1, 0.89] },
      // 1 + 3 + 3 + 5 + 1 + 1 + 1.
      { name: 'Альфа', month: '2026-04', leadDays: 15, perStage: [1, 3, 3, 5, 1, 1, 1] },
      // 1 + 3 + 2 + 3 + 2 + 1 + 1: 1 May and 11 May are not counted.
      { name: 'Бета', month: '2026-05', leadDays: 13, perStage: [1, 3, 2, 3, 2, 1, 1] },
      // 14 days from Mon 4 May to Mon 25 May, of which 3 suspended: 11.
      { name: 'Гамма', month: '2026-05', leadDays: 11, perStage: [1, 1, 1, 4, 2, 1, 1] },
      // 1 + 1 + 1 + 1 + 1 + 2 + 1.5 + 0.5 + 1/9 = 9.11; both visits to data and tech review count.
      { name: 'Вега', month: '2026-06', leadDays: 9.11, perStage: [1, 2, 2, 2, 1.5, 0.5, 0.11] },
    ];

    it('has the lead time and the time per stage of each, oldest first', () => {
      const rows = completedOnboardings(config, cards, period);
      expect(rows.map((r) => ({ name: r.name, month: r.month, leadDays: r.leadDays, perStage: r.perStage.map((s) => s.days) }))).toEqual(EXPECTED);
      expect(rows[0]!.perStage.map((s) => s.stage)).toEqual([S.request, S.data, S.techReview, S.contract, S.connection, S.access, S.accounting]);
      expect(rows[0]).toMatchObject({ startedAt: '2026-03-23T07:00:00.000Z', completedAt: '2026-03-31T22:00:00.000Z' });
    });

    it('without a period, counts Дельта too: Thu 30 Oct → Wed 12 Nov 2025, over the worked Saturday, is 8', () => {
      const delta = completedOnboardings(config, cards).find((r) => r.name === 'Дельта');
      expect(delta).toMatchObject({ month: '2025-11', leadDays: 8 });
      expect(delta!.perStage.map((s) => s.days)).toEqual([1, 1, 1, 2, 1, 1, 1]);
      expect(completedOnboardings(config, cards).map((r) => r.name)).not.toContain('Тета');
    });

    it('has the stats of the period: 6.89, 9.11, 11, 13, 15', () => {
      // mean 55 / 5 = 11; median the third, 11; p85 at rank 4 × 0.85 = 3.4: 13 + 0.4 × (15 − 13) = 13.8.
      expect(summary.onboardings.stats).toEqual({ count: 5, mean: 11, median: 11, p85: 13.8 });
    });

    it('has every month of the period', () => {
      expect(summary.onboardings.months).toEqual([
        // 6.89 and 15: mean 10.945 rounds up; p85 = 6.89 + 0.85 × 8.11 = 13.7835.
        { month: '2026-04', count: 2, mean: 10.95, median: 10.95, p85: 13.78 },
        // 11 and 13: p85 = 11 + 0.85 × 2.
        { month: '2026-05', count: 2, mean: 12, median: 12, p85: 12.7 },
        { month: '2026-06', count: 1, mean: 9.11, median: 9.11, p85: 9.11 },
      ]);
    });

    it('has the time per stage over the five', () => {
      expect(summary.onboardings.perStage).toEqual([
        { stage: S.request, limitDays: 1, stats: { count: 5, mean: 1, median: 1, p85: 1 } },
        // 1, 1, 2, 3, 3: p85 at rank 3.4 between 3 and 3.
        { stage: S.data, limitDays: 5, stats: { count: 5, mean: 2, median: 2, p85: 3 } },
        // 1, 1, 2, 2, 3: mean 9 / 5; p85 = 2 + 0.4 × 1.
        { stage: S.techReview, limitDays: 3, stats: { count: 5, mean: 1.8, median: 2, p85: 2.4 } },
        // 1, 2, 3, 4, 5: p85 = 4 + 0.4 × 1.
        { stage: S.contract, limitDays: 10, stats: { count: 5, mean: 3, median: 3, p85: 4.4 } },
        // 1, 1, 1.5, 2, 2.
        { stage: S.connection, limitDays: 2, stats: { count: 5, mean: 1.5, median: 1.5, p85: 2 } },
        // 0.5, 1, 1, 1, 1.
        { stage: S.access, limitDays: 1, stats: { count: 5, mean: 0.9, median: 1, p85: 1 } },
        // 0.11, 0.89, 1, 1, 1: mean 4 / 5.
        { stage: S.accounting, limitDays: 2, stats: { count: 5, mean: 0.8, median: 1, p85: 1 } },
      ]);
    });
  });

  describe('spans', () => {
    it('measures «Подключение станции» as the onboardings of cards that started in «Новая заявка»', () => {
      const [onboarding] = summary.spans;
      expect(onboarding).toMatchObject({ key: 'onboarding', from: S.request, to: S.active, label: { ru: 'Подключение станции', en: 'Station onboarding' } });
      expect(onboarding!.stats).toEqual(summary.onboardings.stats);
      expect(onboarding!.months).toEqual(summary.onboardings.months);
    });

    it('measures «От оплаты до эфира», «Подключение» → «Выдача доступов», suspension left out', () => {
      // In the period: Альфа 1 (Fri → Mon, April), Бета 2 (Wed → Fri, May), Гамма 5 − 3 suspended = 2
      // (May), Вега 1.5 (June). Каппа reached «Выдача доступов» on 30 March, Дельта in 2025.
      // 1, 1.5, 2, 2: mean 6.5 / 4 = 1.625; median (1.5 + 2) / 2; p85 at rank 2.55 between 2 and 2.
      const paid = summary.spans[1]!;
      expect(paid).toMatchObject({ key: 'paid-to-air', from: S.connection, to: S.access });
      expect(paid.stats).toEqual({ count: 4, mean: 1.63, median: 1.75, p85: 2 });
      expect(paid.months).toEqual([
        { month: '2026-04', count: 1, mean: 1, median: 1, p85: 1 },
        { month: '2026-05', count: 2, mean: 2, median: 2, p85: 2 },
        { month: '2026-06', count: 1, mean: 1.5, median: 1.5, p85: 1.5 },
      ]);
    });

    it('heads with the first span: this month, last month, and the year to June', () => {
      const empty = (month: string) => ({ month, count: 0, mean: null, median: null, p85: null });
      expect(summary.headline).toEqual({
        span: 'onboarding',
        label: { ru: 'Подключение станции', en: 'Station onboarding' },
        thisMonth: { month: '2026-06', count: 1, mean: 9.11, median: 9.11, p85: 9.11 },
        lastMonth: { month: '2026-05', count: 2, mean: 12, median: 12, p85: 12.7 },
        trend: [
          empty('2025-07'), empty('2025-08'), empty('2025-09'), empty('2025-10'),
          { month: '2025-11', count: 1, mean: 8, median: 8, p85: 8 },
          empty('2025-12'), empty('2026-01'), empty('2026-02'), empty('2026-03'),
          { month: '2026-04', count: 2, mean: 10.95, median: 10.95, p85: 13.78 },
          { month: '2026-05', count: 2, mean: 12, median: 12, p85: 12.7 },
          { month: '2026-06', count: 1, mean: 9.11, median: 9.11, p85: 9.11 },
        ],
      });
    });
  });

  describe('the pipeline now', () => {
    const stage = (name: string) => summary.pipeline.find((s) => s.stage === name)!;
    const card = (name: string): PipelineCard => summary.pipeline.flatMap((s) => s.cards).find((c) => c.name === name)!;

    it('lists every stage in rules order, the side stage last, and leaves out the card in «Архив»', () => {
      expect(summary.pipeline.map((s) => [s.stage, s.cards.map((c) => c.name)])).toEqual([
        [S.request, ['Лямбда', 'Йота']],
        [S.data, []],
        [S.techReview, []],
        [S.contract, ['Эпсилон']],
        [S.connection, ['Зета']],
        [S.access, []],
        [S.accounting, []],
        // No limit: the longest there first.
        [S.active, ['Тета', 'Каппа', 'Альфа', 'Бета', 'Гамма', 'Вега']],
        [S.suspended, ['Дельта']],
      ]);
      expect(stage(S.suspended)).toMatchObject({ side: true, limitDays: 10, owner: { role: 'engineer', people: [PERSONS.engineer] } });
    });

    it('has Эпсилон overdue in «Договор и оплата»', () => {
      // Wed 27 May → Fri 2, → Mon 1 June 1, → Mon 8 June 5, → Thu 11 June 3, Thu → Mon 15 June
      // over 12 June 1, Mon 10:00 → 12:00 2 h: 12 + 2/9 = 12.22; limit 10, so 2.22 over.
      expect(card('Эпсилон')).toMatchObject({
        stage: S.contract, enteredAt: '2026-05-27T07:00:00.000Z', elapsedDays: 12.22, limitDays: 10, state: 'overdue', overdueDays: 2.22,
        // 1 + 1 + 1 before it.
        sinceStartDays: 15.22, suspendedDays: 0, backwardMoves: 0,
        responsible: null, holders: [PERSONS.manager],
      });
      expect(stage(S.contract)).toMatchObject({ overdue: 1, warning: 0 });
    });

    it('has Лямбда overdue in «Новая заявка», before Йота, which has no history to measure', () => {
      // Wed 10 June → Thu 1, Thu → Mon over 12 June 1, + 2 h: 2.22; limit 1.
      expect(card('Лямбда')).toMatchObject({ elapsedDays: 2.22, state: 'overdue', overdueDays: 1.22, sinceStartDays: 2.22 });
      expect(card('Йота')).toMatchObject({ enteredAt: null, elapsedDays: 0, limitDays: 1, state: 'no-limit', overdueDays: 0, sinceStartDays: 0 });
    });

    it('has Зета in warning in «Подключение», held by whoever took it', () => {
      // Wed 15:00 → 18:00 3 h, Thu 9 h, Fri 12 June off, Mon 09:00 → 12:00 3 h: 15 h = 1.67 of 2 (75% is 1.5).
      expect(card('Зета')).toMatchObject({ elapsedDays: 1.67, limitDays: 2, state: 'warning', overdueDays: 0, holders: [PERSONS.engineer] });
      // Mon 1 June → Mon 8 June 5, → Thu 11 June 3, → Mon 15 June 1, + 2 h.
      expect(card('Зета').sinceStartDays).toBe(9.22);
      expect(stage(S.connection)).toMatchObject({ overdue: 0, warning: 1 });
    });

    it('has Дельта in warning in the suspension, its suspension kept apart from its time since start', () => {
      // Tue 2 June → Thu 11 June 7, Thu → Mon over 12 June 1, + 2 h: 8.22 of 10 (75% is 7.5).
      // Since Thu 30 Oct 2025: 8 to 12 Nov, then whole working days 12 Nov 2025 – 12 June 2026:
      // Nov 13, Dec 22, Jan 15, Feb 19, Mar 21, Apr 22, May 19, June 9 = 140; + 2 h; less 8.22 suspended.
      expect(card('Дельта')).toMatchObject({
        elapsedDays: 8.22, state: 'warning', suspendedDays: 8.22, sinceStartDays: 140, backwardMoves: 0,
      });
    });

    it('has Гамма with its three suspended days, and no step back for coming back from the suspension', () => {
      // Mon 4 May → Mon 25 May 14, → Mon 15 June 14 (Fri 12 June off), + 2 h = 28.22, less 3.
      expect(card('Гамма')).toMatchObject({ suspendedDays: 3, sinceStartDays: 25.22, backwardMoves: 0, state: 'no-limit' });
    });

    it('counts the steps back of Вега and Каппа', () => {
      expect(['Альфа', 'Бета', 'Вега', 'Каппа', 'Тета'].map((name) => card(name).backwardMoves)).toEqual([0, 0, 1, 1, 0]);
    });

    it('has Тета in «Активный клиент» since 2 March', () => {
      // March 21, April 22, May 19, June 1–11 9 = 71, + 2 h.
      expect(card('Тета')).toMatchObject({ elapsedDays: 71.22, sinceStartDays: 71.22, state: 'no-limit', limitDays: null });
    });

    it('lists the overdue cards, the most days over first', () => {
      expect(summary.overdue.map((c) => [c.name, c.overdueDays])).toEqual([['Эпсилон', 2.22], ['Лямбда', 1.22]]);
    });
  });

  describe('refusals of the period', () => {
    it('counts four, the dry run and the one moved on 30 June included', () => {
      expect(summary.refusals.total).toBe(4);
    });

    it('groups the same failed condition, most common first', () => {
      expect(summary.refusals.byReason).toEqual([
        { code: 'role_not_allowed', stage: S.connection, ru: 'переместить в «Подключение» может только директор (@director)', en: 'only director (@director) may move cards into "Подключение"', count: 3 },
        { code: 'field_not_true', stage: S.connection, ru: 'не отмечено поле «Договор подписан»', en: 'field "Contract signed" is not checked', count: 1 },
        { code: 'field_not_true', stage: S.access, ru: 'не отмечено поле «Потоки заведены в вещательную инфраструктуру»', en: 'field "Streams are live in the broadcast infrastructure" is not checked', count: 1 },
      ]);
    });

    it('counts by the stage the card was moved to, under the name the rules give it', () => {
      expect(summary.refusals.byStage).toEqual([{ stage: S.connection, count: 3 }, { stage: S.access, count: 1 }]);
    });

    it('counts by member for a viewer of the rules (the director, the accountant)', () => {
      expect(summary.refusals.byMember).toEqual([{ person: PERSONS.manager, count: 3 }, { person: PERSONS.engineer, count: 1 }]);
      expect(summaryFor('accountant').refusals.byMember).toHaveLength(2);
    });

    it('names nobody to anyone else, who may not export either', () => {
      const manager = summaryFor('manager');
      expect(manager.viewer).toEqual({ seesPeople: false, canExport: false });
      expect(manager.refusals.byMember).toBeNull();
      expect(manager.refusals.byReason).toEqual(summary.refusals.byReason);
      expect(summary.viewer).toEqual({ seesPeople: true, canExport: true });
    });
  });

  it('says what it covers', () => {
    expect(summary).toMatchObject({
      generatedAt: '2026-06-15T09:00:00.000Z',
      period: { from: '2026-03-31T21:00:00.000Z', to: '2026-06-30T21:00:00.000Z' },
      timeZone: 'Europe/Moscow',
    });
  });
});
