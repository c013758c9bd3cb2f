import { calendarOf, type WorkCalendar } from '../calendar/calendar-of';
import type { ProcessConfig } from '../config/process-config';
import { linearStages } from '../process/find-stage';
import { sameName } from '../process/same-name';
import { inPeriod, monthOf } from './months';
import type { Period, ReportCard } from './report-input';
import { roundDays } from './stats';
import { activeDays, earlier, timedVisits, workingDays } from './visit-time';

/** One finished onboarding: a row of onboardings.csv, and what the summary's onboarding figures count. */
export type OnboardingRow = {
  cardId: string;
  name: string;
  /** The card's first visit: where its history starts. */
  startedAt: string;
  /** Its first arrival in the last stage of the main path. */
  completedAt: string;
  /** "YYYY-MM" of completedAt in the rules' time zone. */
  month: string;
  /** Working days from start to completion, suspension excluded. */
  leadDays: number;
  /**
   * Working days in each stage of the main path before the last (where the onboarding ends), in
   * rules order: every visit before completion adds up; 0 for a stage the card never entered.
   */
  perStage: { stage: string; days: number }[];
};

/**
 * The onboardings completed, oldest first; those completed in [from, to) when a period is given. A
 * card whose history starts in the last stage (a client from before the service) completed nothing.
 */
export function completedOnboardings(config: ProcessConfig, cards: readonly ReportCard[], period?: Period): OnboardingRow[] {
  const calendar = calendarOf(config);
  return cards
    .flatMap((card) => onboardingOf(config, calendar, card) ?? [])
    .filter((row) => !period || inPeriod(new Date(row.completedAt), period))
    .sort((a, b) => Date.parse(a.completedAt) - Date.parse(b.completedAt) || a.name.localeCompare(b.name, 'ru'));
}

function onboardingOf(config: ProcessConfig, calendar: WorkCalendar, card: ReportCard): OnboardingRow | null {
  const main = linearStages(config);
  const last = main[main.length - 1]!;
  // Every sum below stops at the completion, an arrival: the visits before it are all closed, so
  // no `now` is needed.
  const sorted = timedVisits(config, card.visits, new Date(0));
  const done = sorted.findIndex((v) => sameName(v.visit.stage, last.list));
  if (done <= 0) return null;
  const [first, completion] = [sorted[0]!, sorted[done]!];
  const before = sorted.slice(0, done);
  return {
    cardId: card.cardId,
    name: card.name,
    startedAt: first.visit.enteredAt,
    completedAt: completion.visit.enteredAt,
    month: monthOf(completion.start, calendar.timeZone),
    leadDays: roundDays(activeDays(calendar, sorted, first.start, completion.start)),
    perStage: main.slice(0, -1).map((stage) => ({
      stage: stage.list,
      days: roundDays(
        before
          .filter((v) => !v.suspension && sameName(v.visit.stage, stage.list))
          .reduce((total, v) => total + workingDays(calendar, v.start, earlier(v.end, completion.start)), 0),
      ),
    })),
  };
}
