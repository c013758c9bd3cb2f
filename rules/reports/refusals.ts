import type { ProcessConfig } from '../config/process-config';
import { findStage } from '../process/find-stage';
import { normaliseName } from '../process/same-name';
import { inPeriod } from './months';
import type { DecisionLike, Period } from './report-input';
import type { Person, RefusalReason, Refusals, ViewerRights } from './report-types';

/** When a decision happened on the board: the move's own time when the log knows it. */
export function decisionTime(decision: Pick<DecisionLike, 'at' | 'movedAt'>): Date {
  return new Date(decision.movedAt ?? decision.at);
}

/**
 * The moves the rules refused in the period, grouped three ways. Dry-run refusals count: the rules
 * refused the move even though the service left the card where it was. A refusal with two failed
 * conditions counts once in total and byStage, once for each reason in byReason.
 */
export function refusals(
  config: ProcessConfig,
  decisions: readonly DecisionLike[],
  people: (username: string) => Person,
  viewer: ViewerRights,
  period: Period,
): Refusals {
  const refused = decisions.filter((d) => d.verdict === 'reverted' && inPeriod(decisionTime(d), period));
  return {
    total: refused.length,
    byReason: byReason(refused),
    byStage: tally(refused, (d) => normaliseName(d.to.name), (d) => findStage(config, d.to.name)?.list ?? d.to.name, byRulesOrder(config)).map(
      ({ value, count }) => ({ stage: value, count }),
    ),
    byMember: viewer.seesPeople
      ? tally(refused, (d) => d.mover.replace(/^@/, '').toLowerCase(), (d) => people(d.mover), (a, b) => a.username.localeCompare(b.username)).map(
          ({ value, count }) => ({ person: value, count }),
        )
      : null,
  };
}

/** The same missing item on the same stage, said the same way, is one reason. */
function byReason(refused: readonly DecisionLike[]): RefusalReason[] {
  const reasons = new Map<string, RefusalReason>();
  for (const { code, stage, ru, en } of refused.flatMap((d) => d.failures)) {
    const key = JSON.stringify([code, stage, ru]);
    const known = reasons.get(key);
    if (known) known.count++;
    else reasons.set(key, { code, stage, ru, en, count: 1 });
  }
  return [...reasons.values()].sort((a, b) => b.count - a.count || a.ru.localeCompare(b.ru, 'ru'));
}

/** Counts by key, most first, then in `order`; `show` gives what a group is shown as. */
function tally<T, V>(
  items: readonly T[],
  key: (item: T) => string,
  show: (item: T) => V,
  order: (a: V, b: V) => number,
): { value: V; count: number }[] {
  const groups = new Map<string, { value: V; count: number }>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.count++;
    else groups.set(key(item), { value: show(item), count: 1 });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || order(a.value, b.value));
}

/** Stages as the rules list them; a list that is no stage (any more) after them, by name. */
function byRulesOrder(config: ProcessConfig): (a: string, b: string) => number {
  const rank = (name: string) => {
    const i = config.stages.findIndex((stage) => stage.list === name);
    return i < 0 ? config.stages.length : i;
  };
  return (a, b) => rank(a) - rank(b) || a.localeCompare(b, 'ru');
}
