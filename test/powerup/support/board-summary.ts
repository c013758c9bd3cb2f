import type { BoardSummary, MonthStats, PipelineCard, Stats } from '../../../rules/reports/report-types';

// A hand-written BoardSummary of the radio-onboarding board, as the API answers it: what the
// summary page's models are tested against, independent of the figures' own code.

const stats = (count: number, median: number | null, p85: number | null): Stats => ({ count, mean: median, median, p85 });
const month = (m: string, count: number, median: number | null, p85: number | null = median): MonthStats => ({ month: m, ...stats(count, median, p85) });

const irina = { username: 'director', fullName: 'Ирина Директорова' };
const maxim = { username: 'manager', fullName: 'Максим Менеджеров' };
const evgeny = { username: 'engineer', fullName: 'Евгений Инженеров' };
const anna = { username: 'accountant', fullName: null };

const card = (over: Partial<PipelineCard> & Pick<PipelineCard, 'cardId' | 'name' | 'stage'>): PipelineCard => ({
  enteredAt: '2026-11-20T09:00:00.000Z',
  elapsedDays: 1,
  limitDays: 5,
  state: 'ok',
  overdueDays: 0,
  sinceStartDays: 4,
  suspendedDays: 0,
  backwardMoves: 0,
  responsible: null,
  holders: [maxim],
  ...over,
});

const lateReview = card({ cardId: 'c-review', name: 'Радио Волна', stage: 'Техническая экспертиза', elapsedDays: 5.5, limitDays: 3, state: 'overdue', overdueDays: 2.5, holders: [evgeny] });
const lateContract = card({ cardId: 'c-contract', name: 'Радио Ромашка', stage: 'Договор и оплата', elapsedDays: 14, limitDays: 10, state: 'overdue', overdueDays: 4, responsible: maxim, holders: [maxim] });
const nearly = card({ cardId: 'c-data', name: 'Радио Берег', stage: 'Сбор данных', elapsedDays: 4.2, state: 'warning' });
const fresh = card({ cardId: 'c-new', name: 'Радио Утро', stage: 'Сбор данных', elapsedDays: 0.5 });

export const SUMMARY: BoardSummary = {
  generatedAt: '2026-11-27T13:30:00.000Z',
  period: { from: '2026-08-29T13:30:00.000Z', to: '2026-11-27T13:30:00.000Z' },
  timeZone: 'Europe/Moscow',
  headline: {
    span: 'onboarding',
    label: { ru: 'Подключение станции', en: 'Station onboarding' },
    thisMonth: month('2026-11', 4, 6.5, 8),
    lastMonth: month('2026-10', 5, 8, 11),
    trend: [
      month('2025-12', 2, 10.5), month('2026-01', 0, null), month('2026-02', 3, 9.8), month('2026-03', 4, 9.5),
      month('2026-04', 3, 9), month('2026-05', 5, 8.7), month('2026-06', 4, 8.2), month('2026-07', 3, 8),
      month('2026-08', 4, 7.5), month('2026-09', 5, 7.1), month('2026-10', 5, 8, 11), month('2026-11', 4, 6.5, 8),
    ],
  },
  pipeline: [
    { stage: 'Новая заявка', side: false, limitDays: 1, owner: { role: 'manager', people: [maxim] }, cards: [], overdue: 0, warning: 0 },
    { stage: 'Сбор данных', side: false, limitDays: 5, owner: { role: 'manager', people: [maxim] }, cards: [fresh, nearly], overdue: 0, warning: 1 },
    { stage: 'Техническая экспертиза', side: false, limitDays: 3, owner: { role: 'engineer', people: [evgeny] }, cards: [lateReview], overdue: 1, warning: 0 },
    { stage: 'Договор и оплата', side: false, limitDays: 10, owner: { role: 'manager', people: [maxim] }, cards: [lateContract], overdue: 1, warning: 0 },
    { stage: 'Регистрация в учёте', side: false, limitDays: 2, owner: { role: 'accountant', people: [] }, cards: [], overdue: 0, warning: 0 },
    { stage: 'Приостановлен (задолженность)', side: true, limitDays: 10, owner: { role: 'engineer', people: [evgeny] }, cards: [], overdue: 0, warning: 0 },
  ],
  overdue: [lateReview, lateContract],
  onboardings: {
    stats: stats(14, 7.2, 9.9),
    months: [month('2026-09', 5, 7.1), month('2026-10', 5, 8, 11), month('2026-11', 4, 6.5, 8)],
    perStage: [
      { stage: 'Новая заявка', limitDays: 1, stats: stats(14, 0.4, 0.9) },
      { stage: 'Сбор данных', limitDays: 5, stats: stats(14, 2.1, 4.5) },
      { stage: 'Техническая экспертиза', limitDays: 3, stats: stats(14, 1.5, 3.6) },
      { stage: 'Договор и оплата', limitDays: 10, stats: stats(14, 4, 8) },
      { stage: 'Активный клиент', limitDays: null, stats: stats(0, null, null) },
    ],
  },
  spans: [],
  refusals: {
    total: 9,
    byReason: [
      { code: 'field_missing', stage: 'Подключение', ru: 'не заполнено поле «Номер договора»', en: 'the field “Contract number” is empty', count: 5 },
      { code: 'checklist_incomplete', stage: 'Регистрация в учёте', ru: 'не отмечены пункты чек-листа «Запуск»', en: 'the checklist “Launch” is not complete', count: 3 },
      { code: 'role_not_allowed', stage: 'Подключение', ru: 'переместить в «Подключение» может только директор (@director)', en: 'only director may move to “Подключение”', count: 1 },
    ],
    byStage: [{ stage: 'Подключение', count: 6 }, { stage: 'Регистрация в учёте', count: 3 }],
    byMember: [{ person: maxim, count: 6 }, { person: anna, count: 3 }],
  },
  viewer: { seesPeople: true, canExport: true },
};

/** The same board as a member who is not one of the rules' viewers sees it. */
export const SUMMARY_FOR_MEMBER: BoardSummary = {
  ...SUMMARY,
  refusals: { ...SUMMARY.refusals, byMember: null },
  viewer: { seesPeople: false, canExport: false },
};

/** A board nobody has completed an onboarding on yet: two cards on their way. */
export const FRESH_SUMMARY: BoardSummary = {
  ...SUMMARY,
  headline: {
    ...SUMMARY.headline,
    thisMonth: month('2026-11', 0, null),
    lastMonth: month('2026-10', 0, null),
    trend: SUMMARY.headline.trend.map((m) => month(m.month, 0, null)),
  },
  overdue: [],
  onboardings: { stats: stats(0, null, null), months: [], perStage: SUMMARY.onboardings.perStage.map((s) => ({ ...s, stats: stats(0, null, null) })) },
  refusals: { total: 0, byReason: [], byStage: [], byMember: [] },
};

export const PEOPLE = { irina, maxim, evgeny, anna };
