import type { WorkCalendar } from '../calendar/calendar-of';
import { limitOf } from '../calendar/stage-limit';
import { stageTimeStatus } from '../calendar/stage-time-status';
import type { ProcessConfig } from '../config/process-config';
import type { Stage } from '../config/stage-schema';
import { findStage, normalisedListName } from '../process/find-stage';
import { membersOfRole } from '../process/roles';
import { flowOf } from './card-flow';
import { timedCards, type TimedCard } from './card-timeline';
import type { ReportCard } from './report-input';
import type { Person, PipelineCard, PipelineStage, TimeState } from './report-types';
import { roundDays } from './stats';

export type PipelineInput = {
  config: ProcessConfig;
  calendar: WorkCalendar;
  cards: readonly ReportCard[];
  people: (username: string) => Person;
  now: Date;
};

/**
 * Where every card is now, stage by stage: the main path in order, side stages after it. A card in
 * a list the process does not name is left out.
 */
export function pipeline({ config, calendar, cards, people, now }: PipelineInput): PipelineStage[] {
  return pipelineOf({ config, calendar, cards: timedCards(config, calendar, cards, now), people, now });
}

/** pipeline read off the cards' timelines. */
export function pipelineOf({
  config,
  calendar,
  cards,
  people,
  now,
}: Omit<PipelineInput, 'cards'> & { cards: readonly TimedCard[] }): PipelineStage[] {
  const stages = [...config.stages.filter((s) => !s.side), ...config.stages.filter((s) => s.side)];
  const byStage = new Map<Stage, TimedCard[]>();
  for (const timed of cards) {
    const stage = findStage(config, timed.card.listName);
    if (!stage) continue;
    const inStage = byStage.get(stage);
    if (inStage) inStage.push(timed);
    else byStage.set(stage, [timed]);
  }
  return stages.map((stage) => {
    const owners = membersOfRole(config, stage.owner).map(people);
    const inStage = (byStage.get(stage) ?? []).map((timed) => pipelineCard(config, calendar, stage, timed, owners, now)).sort(worstFirst);
    return {
      stage: stage.list,
      side: stage.side,
      limitDays: limitDaysOf(stage, calendar),
      owner: { role: stage.owner, people: owners },
      cards: inStage,
      overdue: inStage.filter((c) => c.state === 'overdue').length,
      warning: inStage.filter((c) => c.state === 'warning').length,
    };
  });
}

function pipelineCard(
  config: ProcessConfig,
  calendar: WorkCalendar,
  stage: Stage,
  { card, timeline }: TimedCard,
  owners: Person[],
  now: Date,
): PipelineCard {
  const last = timeline.visits.at(-1);
  // The clock runs from the visit that brought the card here; without one (a history that lost the
  // move) there is nothing honest to measure.
  const here = last && last.name === normalisedListName(config, stage.list) ? last : undefined;
  const status = here ? stageTimeStatus(config, stage.list, here.start, now) : undefined;
  const elapsedDays = status ? roundDays(status.elapsed.days) : 0;
  const limitDays = limitDaysOf(stage, calendar);
  const state: TimeState = status?.state ?? 'no-limit';
  return {
    cardId: card.cardId,
    name: card.name,
    stage: stage.list,
    enteredAt: here ? here.visit.enteredAt : null,
    elapsedDays,
    limitDays,
    state,
    overdueDays: state === 'overdue' && status?.limit ? roundDays(Math.max(0, status.elapsed.days - status.limit.days)) : 0,
    ...flowOf(config, timeline),
    responsible: card.responsible,
    holders: card.responsible ? [card.responsible] : owners,
  };
}

/** A stage's limit in working days (a limit in hours is a share of a day); null without one. */
export function limitDaysOf(stage: Stage, calendar: WorkCalendar): number | null {
  const limit = limitOf(stage, calendar);
  return limit ? roundDays(limit.hours / calendar.hoursPerDay) : null;
}

const STATE_RANK: Record<TimeState, number> = { overdue: 0, warning: 1, ok: 2, 'no-limit': 3 };

/** Overdue before warning before on time; then the longest over, the longest in the stage. */
export function worstFirst(a: PipelineCard, b: PipelineCard): number {
  return (
    STATE_RANK[a.state] - STATE_RANK[b.state] ||
    b.overdueDays - a.overdueDays ||
    b.elapsedDays - a.elapsedDays ||
    a.name.localeCompare(b.name, 'ru')
  );
}

/** Cards past their limit, the most working days over first. */
export function overdueCards(stages: readonly PipelineStage[]): PipelineCard[] {
  return stages
    .flatMap((stage) => stage.cards.filter((card) => card.state === 'overdue'))
    .sort((a, b) => b.overdueDays - a.overdueDays || b.elapsedDays - a.elapsedDays || a.name.localeCompare(b.name, 'ru'));
}
