import type {
  BoardSummary,
  DecisionRecord,
  MonthStats,
  Person,
  PipelineCard,
  PipelineStage,
  TimeState,
} from '../../rules/reports/report-types';
import { formatDateTime, peopleNames, personName } from './report-format';

// What the summary page shows, worked out from the API's BoardSummary: pure, DOM-free and
// language-free apart from the config's own bilingual texts, which are picked here.

export type Language = 'ru' | 'en';

export type HeadlineModel = {
  label: string;
  thisMonth: { month: string; median: number | null; count: number };
  lastMonth: { month: string; median: number | null; count: number };
  /** Working days this month minus last month; null unless both months have a median. */
  change: number | null;
  /** Onboardings completed in the chosen period. */
  periodCount: number;
  periodMedian: number | null;
  trend: { months: string[]; median: (number | null)[]; p85: (number | null)[]; counts: number[] };
  /** Nothing has ever completed: the page says so instead of drawing empty figures. */
  noCompletions: boolean;
};

export function headlineModel(summary: BoardSummary, language: Language): HeadlineModel {
  const { headline, onboardings } = summary;
  const month = (m: MonthStats) => ({ month: m.month, median: m.median, count: m.count });
  const thisMonth = month(headline.thisMonth);
  const lastMonth = month(headline.lastMonth);
  const everCompleted = headline.trend.some((m) => m.count > 0) || onboardings.stats.count > 0 || thisMonth.count + lastMonth.count > 0;
  return {
    label: headline.label[language],
    thisMonth,
    lastMonth,
    change: thisMonth.median !== null && lastMonth.median !== null ? round2(thisMonth.median - lastMonth.median) : null,
    periodCount: onboardings.stats.count,
    periodMedian: onboardings.stats.median,
    trend: {
      months: headline.trend.map((m) => m.month),
      median: headline.trend.map((m) => m.median),
      p85: headline.trend.map((m) => m.p85),
      counts: headline.trend.map((m) => m.count),
    },
    noCompletions: !everCompleted,
  };
}

export type CardRow = {
  cardId: string;
  name: string;
  stage: string;
  elapsedDays: number;
  limitDays: number | null;
  state: TimeState;
  overdueDays: number;
  /** Who holds it: the responsible once someone took it, else the stage owner's people. */
  holders: string | null;
  taken: boolean;
};

export type StageModel = {
  stage: string;
  side: boolean;
  limitDays: number | null;
  count: number;
  overdue: number;
  warning: number;
  /** The owner role's people by name; the role key only when the board names nobody. */
  owners: string;
  /** The last stage of the main path: its cards are done, so its owner looks after them rather than waits for a turn. */
  final: boolean;
  cards: CardRow[];
};

const STATE_ORDER: Record<TimeState, number> = { overdue: 0, warning: 1, ok: 2, 'no-limit': 3 };

export function cardRow(card: PipelineCard): CardRow {
  return {
    cardId: card.cardId,
    name: card.name,
    stage: card.stage,
    elapsedDays: card.elapsedDays,
    limitDays: card.limitDays,
    state: card.state,
    overdueDays: card.overdueDays,
    holders: card.responsible ? personName(card.responsible) : peopleNames(card.holders),
    taken: card.responsible !== null,
  };
}

/** Each stage in the process's order, its cards most urgent first (overdue, then nearing the limit). */
export function pipelineModel(summary: BoardSummary): StageModel[] {
  const last = summary.pipeline.filter((stage) => !stage.side).at(-1);
  return summary.pipeline.map((stage: PipelineStage) => ({
    stage: stage.stage,
    side: stage.side,
    limitDays: stage.limitDays,
    count: stage.cards.length,
    overdue: stage.overdue,
    warning: stage.warning,
    owners: peopleNames(stage.owner.people) ?? stage.owner.role,
    final: stage === last,
    cards: stage.cards
      .map(cardRow)
      .sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || b.overdueDays - a.overdueDays || b.elapsedDays - a.elapsedDays),
  }));
}

/** Overdue now, the most working days over first. */
export function overdueRows(summary: BoardSummary): CardRow[] {
  return summary.overdue.map(cardRow).sort((a, b) => b.overdueDays - a.overdueDays || a.name.localeCompare(b.name));
}

export type StageTimeRow = {
  stage: string;
  count: number;
  median: number | null;
  p85: number | null;
  limitDays: number | null;
  /** Bar lengths as fractions of the longest figure on the chart (0..1). */
  bars: { median: number; p85: number; limit: number | null };
  /** The slow tail (85th percentile) is past the stage's limit. */
  overLimit: boolean;
};

/** Time per stage against the limit, for bars drawn to one scale. */
export function stageTimeRows(summary: BoardSummary): StageTimeRow[] {
  const figures = summary.onboardings.perStage;
  const longest = Math.max(1, ...figures.flatMap((f) => [f.stats.median ?? 0, f.stats.p85 ?? 0, f.limitDays ?? 0]));
  const share = (value: number | null) => (value === null ? 0 : Math.min(1, value / longest));
  return figures.map((f) => ({
    stage: f.stage,
    count: f.stats.count,
    median: f.stats.median,
    p85: f.stats.p85,
    limitDays: f.limitDays,
    bars: { median: share(f.stats.median), p85: share(f.stats.p85), limit: f.limitDays === null ? null : share(f.limitDays) },
    overLimit: f.limitDays !== null && f.stats.p85 !== null && f.stats.p85 > f.limitDays,
  }));
}

export type RefusalRow = { text: string; stage: string; count: number; share: number };

/** The most common refusal reasons, in the member's language, with bar shares of the top one. */
export function refusalRows(summary: BoardSummary, language: Language, top = 6): RefusalRow[] {
  const reasons = summary.refusals.byReason.slice(0, top);
  const most = Math.max(1, ...reasons.map((r) => r.count));
  return reasons.map((r) => ({ text: r[language], stage: r.stage, count: r.count, share: r.count / most }));
}

export type MemberRefusals = { name: string; username: string; count: number };

/** Refusals by person: only the rules' viewers get them (null otherwise, and the page hides it). */
export function memberRefusals(summary: BoardSummary): MemberRefusals[] | null {
  const byMember = summary.refusals.byMember;
  if (!summary.viewer.seesPeople || !byMember) return null;
  return byMember.map((m) => ({ name: personName(m.person), username: m.person.username, count: m.count }));
}

/** The people the decision log can be filtered by: everyone the summary names, by name. */
export function memberOptions(summary: BoardSummary): { username: string; name: string }[] {
  const people: Person[] = [
    ...summary.pipeline.flatMap((s) => s.owner.people),
    ...(summary.refusals.byMember ?? []).map((m) => m.person),
  ];
  const byUsername = new Map(people.map((p) => [p.username, personName(p)]));
  return [...byUsername].map(([username, name]) => ({ username, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** The stages of the process for the log's stage filter, main path first. */
export function stageOptions(summary: BoardSummary): string[] {
  return summary.pipeline.map((s) => s.stage);
}

export type DecisionRow = {
  id: string;
  when: string;
  cardId: string;
  card: string;
  mover: string;
  from: string | null;
  to: string;
  verdict: DecisionRecord['verdict'];
  /** What refused it, in the member's language; empty for an accepted move. */
  reasons: string[];
  revertedTo: string | null;
  dryRun: boolean;
  rulesVersion: number | null;
};

export function decisionRow(record: DecisionRecord, language: Language, timeZone?: string): DecisionRow {
  return {
    id: record.id,
    when: formatDateTime(record.movedAt ?? record.at, timeZone),
    cardId: record.cardId,
    card: record.cardName,
    mover: personName(record.mover),
    from: record.from,
    to: record.to,
    verdict: record.verdict,
    reasons: record.verdict === 'reverted' ? failureTexts(record, language) : [],
    revertedTo: record.revertedTo,
    dryRun: record.dryRun,
    rulesVersion: record.rulesVersion,
  };
}

/** The failed conditions in the member's language; the rule's code when the entry kept none. */
export function failureTexts(record: DecisionRecord, language: Language): string[] {
  const texts = [...new Set(record.failures.map((f) => f[language]))];
  return texts.length > 0 ? texts : record.reason ? [record.reason] : [];
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
