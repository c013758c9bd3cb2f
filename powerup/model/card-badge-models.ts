import type { CardSnapshot } from '../../rules';
import type { PowerUpRules, StageMovers, StageTime } from './api-contract';
import type { BadgeModel } from './badge-model';
import { checklistBadge, checklistProgress } from './checklist-badge';
import { readinessFor } from './readiness';
import { readinessBadge } from './readiness-badge';
import { timeBadge } from './time-badge';

export type CardBadgeInput = {
  config: PowerUpRules;
  /** The name of the card's list, as Trello has it now. */
  listName: string;
  /** The station data (t.get) and the checklists (the status endpoint). */
  card: CardSnapshot;
  /** Time in the stage from the status endpoint; null when unknown or stale. */
  time: StageTime | null;
  /** Who may move cards into the gated stages, for the member looking; {} when unknown. */
  movers?: StageMovers;
};

/**
 * Every badge of one card, in the order they appear: readiness for the next stage, the stage's
 * checklist, time in the stage. Pure: the same input always gives the same badges, and the board's
 * 200 cards cost no request each.
 */
export function cardBadgeModels(input: CardBadgeInput): BadgeModel[] {
  const readiness = readinessFor(input.config, input.listName, input.card);
  return [
    readinessBadge(readiness, input.movers),
    checklistBadge(checklistProgress(input.config, input.listName, input.card.checklists)),
    timeBadge(input.time),
  ].filter((badge): badge is BadgeModel => badge !== undefined);
}
