import { calendarOf } from '../calendar/calendar-of';
import type { ReportSpan } from '../config/reports-schema';
import type { ProcessConfig } from '../config/process-config';
import { linearStages } from '../process/find-stage';
import { timedCards } from './card-timeline';
import { onboardingsOf } from './completed-onboardings';
import { monthStats } from './month-stats';
import { monthOf, monthsEndingWith, monthsOf } from './months';
import { limitDaysOf, overdueCards, pipelineOf } from './pipeline';
import { refusals } from './refusals';
import type { DecisionLike, Period, ReportCard } from './report-input';
import { reportSpans } from './report-spans';
import type { BoardSummary, Headline, Person, StageFigures, ViewerRights } from './report-types';
import { completionsOf, spanFigures, type SpanCompletion } from './span-figures';
import { statsOf } from './stats';

export type BoardSummaryInput = {
  config: ProcessConfig;
  cards: readonly ReportCard[];
  /** The board's audit entries; those outside the period are left out here. */
  decisions: readonly DecisionLike[];
  people: (username: string) => Person;
  viewer: ViewerRights;
  period: Period;
  now: Date;
};

/** The headline's trend: a year of months. */
const TREND_MONTHS = 12;

/** The director's «Сводка»: where the cards are now, and how the work went in the period. */
export function boardSummary({ config, cards, decisions, people, viewer, period, now }: BoardSummaryInput): BoardSummary {
  const calendar = calendarOf(config);
  const { timeZone } = calendar;
  // Each card's history is put on the clock once; every figure below reads it.
  const timed = timedCards(config, calendar, cards, now);
  const stages = pipelineOf({ config, calendar, cards: timed, people, now });
  const spans = reportSpans(config);
  const completions = spans.map((span) => completionsOf(span, timed, timeZone));
  const onboardings = onboardingsOf(config, timed, period);
  const done = onboardings.map((row) => ({ month: row.month, days: row.leadDays }));
  return {
    generatedAt: now.toISOString(),
    period: { from: period.from.toISOString(), to: period.to.toISOString() },
    timeZone,
    headline: headline(spans[0]!, completions[0]!, monthOf(now, timeZone)),
    pipeline: stages,
    overdue: overdueCards(stages),
    onboardings: {
      stats: statsOf(done.map((d) => d.days)),
      months: monthStats(monthsOf(period, timeZone), done),
      perStage: linearStages(config)
        .slice(0, -1)
        .map((stage): StageFigures => ({
          stage: stage.list,
          limitDays: limitDaysOf(stage, calendar),
          stats: statsOf(onboardings.map((row) => row.perStage.find((s) => s.stage === stage.list)?.days ?? 0)),
        })),
    },
    spans: spans.map((span, i) => spanFigures(span, completions[i]!, period, timeZone)),
    refusals: refusals(config, decisions, people, viewer, period),
    viewer,
  };
}

/** The headline span this month and last, and over the year: what the director looks at first. */
function headline(span: ReportSpan, completions: readonly SpanCompletion[], thisMonth: string): Headline {
  const trend = monthStats(monthsEndingWith(thisMonth, TREND_MONTHS), completions);
  return {
    span: span.key,
    label: span.label,
    thisMonth: trend[TREND_MONTHS - 1]!,
    lastMonth: trend[TREND_MONTHS - 2]!,
    trend,
  };
}
