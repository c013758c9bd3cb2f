import type { ProcessConfig } from '../config/process-config';
import { missingForStage } from '../engine/missing-for-stage';
import type { CardSnapshot, Failure } from '../engine/types';
import { nextStage } from '../process/find-stage';
import { failureTexts, previewCard } from './preview-card';
import type { BoardCard, ReadinessChange } from './preview-types';

type Readiness = { next: string; failures: Failure[] } | null;

/**
 * Cards whose readiness for their next stage flips under the draft: the question the badges and
 * «Следующий этап» ask (data conditions only: who will drag the card is not known yet), asked
 * under both rules. A card with no next stage under the active rules (last stage, side stage, a
 * list outside the process) counts as unhindered, so a draft that gives it a next stage it cannot
 * reach makes it newly blocked; a card whose next stage the draft takes away is not listed.
 */
export function readinessChanges(active: ProcessConfig, draft: ProcessConfig, cards: readonly BoardCard[]): ReadinessChange[] {
  return cards.flatMap((card): ReadinessChange[] => {
    const was = readiness(active, card.listName, card.snapshot);
    const will = readiness(draft, card.listName, card.snapshot);
    if (!will) return [];
    const wasBlocked = was !== null && was.failures.length > 0;
    const willBlock = will.failures.length > 0;
    const named = (change: ReadinessChange['change'], failures: Failure[]): ReadinessChange => ({
      ...previewCard(card, active, draft),
      nextStage: will.next,
      change,
      reasons: failureTexts(failures, draft.language),
    });
    if (willBlock && !wasBlocked) return [named('newly-blocked', will.failures)];
    if (!willBlock && wasBlocked) return [named('newly-ready', was.failures)];
    return [];
  });
}

function readiness(config: ProcessConfig, listName: string, card: CardSnapshot): Readiness {
  const next = nextStage(config, listName);
  return next ? { next: next.list, failures: missingForStage(config, next.list, card) } : null;
}
