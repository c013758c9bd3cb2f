import { calendarOf } from '../calendar/calendar-of';
import { workingDaysOfMs } from '../calendar/working-time-between';
import type { ProcessConfig } from '../config/process-config';
import { linearStages } from '../process/find-stage';
import { normaliseName } from '../process/same-name';
import { activeDaysBetween, timedCards, visitMsBefore, type CardTimeline, type TimedCard } from './card-timeline';
import { inPeriod, monthOf } from './months';
import type { Period, ReportCard } from './report-input';
import { roundDays } from './stats';

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
  // Every sum stops at the completion, an arrival: the visits before it are all closed, so no `now`
  // is needed.
  return onboardingsOf(config, timedCards(config, calendarOf(config), cards, new Date(0)), period);
}

/** completedOnboardings read off the cards' timelines. */
export function onboardingsOf(config: ProcessConfig, cards: readonly TimedCard[], period?: Period): OnboardingRow[] {
  const main = linearStages(config);
  const measured = main.slice(0, -1).map((stage) => ({ stage: stage.list, name: normaliseName(stage.list) }));
  const last = normaliseName(main[main.length - 1]!.list);
  return cards
    .flatMap(({ card, timeline }) => onboardingOf(card, timeline, last, measured) ?? [])
    .filter((row) => !period || inPeriod(new Date(row.completedAt), period))
    .sort((a, b) => Date.parse(a.completedAt) - Date.parse(b.completedAt) || a.name.localeCompare(b.name, 'ru'));
}

function onboardingOf(
  card: ReportCard,
  timeline: CardTimeline,
  last: string,
  measured: readonly { stage: string; name: string }[],
): OnboardingRow | null {
  const visits = timeline.visits;
  const done = visits.findIndex((v) => v.name === last);
  if (done <= 0) return null;
  const [first, completion] = [visits[0]!, visits[done]!];
  const perName = new Map<string, number>();
  for (const v of visits.slice(0, done)) {
    if (!v.suspension) perName.set(v.name, (perName.get(v.name) ?? 0) + visitMsBefore(timeline, v, completion.startMs));
  }
  return {
    cardId: card.cardId,
    name: card.name,
    startedAt: first.visit.enteredAt,
    completedAt: completion.visit.enteredAt,
    month: monthOf(completion.start, timeline.calendar.timeZone),
    leadDays: roundDays(activeDaysBetween(timeline, 0, done)),
    perStage: measured.map(({ stage, name }) => ({
      stage,
      days: roundDays(workingDaysOfMs(timeline.calendar, perName.get(name) ?? 0)),
    })),
  };
}
