import { findStage, membersOfRole, type ProcessConfig, type Stage } from '../../rules';
import type { Notice } from '../notify/notice';
import type { CardEvent } from '../queue/card-event';
import { aboutCardEvent } from '../notify/about-card-event';
import type { StageVisit } from '../store/stage-history';
import type { TrelloCard } from '../trello/schema';

export type SuspensionNotice = Extract<Notice, { kind: 'suspended' | 'resumed' }>;

/**
 * Into a suspension stage: its owners (the engineers) are told to stop the service. Out of one
 * (`left` was a suspension visit): the same owners are told to resume. Null for any other move.
 * `stage` is where the card is now.
 */
export function suspensionNotice(
  event: CardEvent,
  card: Pick<TrelloCard, 'name' | 'shortUrl'>,
  stage: Stage,
  left: StageVisit | null,
  config: ProcessConfig,
): SuspensionNotice | null {
  const suspension = stage.suspension ? stage : left?.kind === 'suspension' ? findStage(config, left.stage) : undefined;
  if (!suspension) return null;
  return {
    kind: stage.suspension ? 'suspended' : 'resumed',
    ...aboutCardEvent(event, card),
    stage: stage.list,
    recipients: membersOfRole(config, suspension.owner),
  };
}
