import {
  decisionRow,
  headlineModel,
  memberOptions,
  memberRefusals,
  overdueRows,
  pipelineModel,
  refusalRows,
  stageTimeRows,
} from '../../../powerup/model/summary-model';
import type { DecisionRecord } from '../../../rules/reports/report-types';
import { FRESH_SUMMARY, PEOPLE, SUMMARY, SUMMARY_FOR_MEMBER } from '../support/board-summary';

describe('the headline', () => {
  it('compares this month with last month and keeps the twelve months of the trend in order', () => {
    const model = headlineModel(SUMMARY, 'ru');
    expect(model).toMatchObject({
      label: 'Подключение станции',
      thisMonth: { month: '2026-11', median: 6.5, count: 4 },
      lastMonth: { month: '2026-10', median: 8, count: 5 },
      change: -1.5,
      periodCount: 14,
      periodMedian: 7.2,
      noCompletions: false,
    });
    expect(model.trend.months).toHaveLength(12);
    expect(model.trend.months[0]).toBe('2025-12');
    // A month nothing completed in is a gap in the line, not a zero.
    expect(model.trend.median[1]).toBeNull();
    expect(headlineModel(SUMMARY, 'en').label).toBe('Station onboarding');
  });

  it('knows a fresh board, where nothing has completed yet', () => {
    expect(headlineModel(FRESH_SUMMARY, 'ru')).toMatchObject({ noCompletions: true, change: null, periodCount: 0 });
  });
});

describe('the pipeline', () => {
  it('names the people whose turn it is, and lists the most urgent cards of a stage first', () => {
    const stages = pipelineModel(SUMMARY);
    expect(stages.map((s) => s.stage)).toEqual(SUMMARY.pipeline.map((s) => s.stage));
    const data = stages.find((s) => s.stage === 'Сбор данных')!;
    expect(data).toMatchObject({ count: 2, overdue: 0, warning: 1, owners: 'Максим Менеджеров' });
    expect(data.cards.map((c) => c.name)).toEqual(['Радио Берег', 'Радио Утро']);
    // A role nobody on the board holds is still shown, by its key.
    expect(stages.find((s) => s.stage === 'Регистрация в учёте')!.owners).toBe('accountant');
    const contract = stages.find((s) => s.stage === 'Договор и оплата')!.cards[0]!;
    expect(contract).toMatchObject({ holders: 'Максим Менеджеров', taken: true, state: 'overdue', overdueDays: 4 });
  });

  it('marks the last stage of the main path as final: its owner looks after finished cards, nobody waits for a turn', () => {
    const stages = pipelineModel(SUMMARY);
    const main = SUMMARY.pipeline.filter((s) => !s.side);
    expect(stages.filter((s) => s.final).map((s) => s.stage)).toEqual([main.at(-1)!.stage]);
  });

  it('lists the overdue cards worst first, with who holds them', () => {
    expect(overdueRows(SUMMARY).map((r) => [r.name, r.stage, r.overdueDays, r.holders])).toEqual([
      ['Радио Ромашка', 'Договор и оплата', 4, 'Максим Менеджеров'],
      ['Радио Волна', 'Техническая экспертиза', 2.5, 'Евгений Инженеров'],
    ]);
  });
});

describe('time per stage', () => {
  it('draws median, 85th percentile and limit to one scale and marks a slow tail past the limit', () => {
    const rows = stageTimeRows(SUMMARY);
    const review = rows.find((r) => r.stage === 'Техническая экспертиза')!;
    expect(review).toMatchObject({ median: 1.5, p85: 3.6, limitDays: 3, overLimit: true });
    // The longest figure on the chart (the contract stage's limit, 10) is the full width.
    expect(review.bars).toEqual({ median: 0.15, p85: 0.36, limit: 0.3 });
    expect(rows.find((r) => r.stage === 'Договор и оплата')!.overLimit).toBe(false);
    expect(rows.find((r) => r.stage === 'Активный клиент')).toMatchObject({ count: 0, bars: { median: 0, p85: 0, limit: null } });
  });
});

describe('refusals', () => {
  it('lists the top reasons in the member’s language, with bar shares of the most common', () => {
    expect(refusalRows(SUMMARY, 'en', 2)).toEqual([
      { text: 'the field “Contract number” is empty', stage: 'Подключение', count: 5, share: 1 },
      { text: 'the checklist “Launch” is not complete', stage: 'Регистрация в учёте', count: 3, share: 0.6 },
    ]);
  });

  it('gives refusals by person, and people to filter the log by, only to the rules’ viewers', () => {
    expect(memberRefusals(SUMMARY)).toEqual([
      { name: 'Максим Менеджеров', username: 'manager', count: 6 },
      { name: 'accountant', username: 'accountant', count: 3 },
    ]);
    expect(memberRefusals(SUMMARY_FOR_MEMBER)).toBeNull();
    expect(memberOptions(SUMMARY).map((m) => m.username)).toEqual(['accountant', 'engineer', 'manager']);
  });
});

describe('a decision of the log', () => {
  const record: DecisionRecord = {
    id: '1764250000000-0',
    at: '2026-11-27T10:05:00.000Z',
    movedAt: '2026-11-27T10:04:30.000Z',
    cardId: 'c-contract',
    cardName: 'Радио Ромашка',
    mover: PEOPLE.maxim,
    from: 'Договор и оплата',
    to: 'Подключение',
    verdict: 'reverted',
    reason: 'gate_closed',
    failures: [
      { code: 'field_missing', stage: 'Подключение', ru: 'не заполнено поле «Номер договора»', en: 'the field “Contract number” is empty' },
      { code: 'field_missing', stage: 'Подключение', ru: 'не заполнено поле «Номер договора»', en: 'the field “Contract number” is empty' },
    ],
    revertedTo: 'Договор и оплата',
    dryRun: false,
    rulesVersion: 3,
  };

  it('reads as when (in the board’s time zone), who, where and why', () => {
    expect(decisionRow(record, 'ru', 'Europe/Moscow')).toMatchObject({
      when: '27.11.2026 13:04',
      mover: 'Максим Менеджеров',
      from: 'Договор и оплата',
      to: 'Подключение',
      reasons: ['не заполнено поле «Номер договора»'],
      rulesVersion: 3,
    });
    // An entry from before the versions names none.
    expect(decisionRow({ ...record, rulesVersion: null }, 'ru').rulesVersion).toBeNull();
    expect(decisionRow({ ...record, verdict: 'accepted', failures: [] }, 'ru').reasons).toEqual([]);
  });
});
