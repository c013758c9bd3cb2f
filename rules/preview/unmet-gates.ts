import type { ProcessConfig } from '../config/process-config';
import { missingForStage } from '../engine/missing-for-stage';
import { findStage } from '../process/find-stage';
import { failureTexts, previewCard } from './preview-card';
import type { BoardCard, UnmetGate } from './preview-types';

/**
 * Cards already in a stage whose gate (with every earlier one, as a move into it is judged) the
 * draft asks more of than they hold, while the active rules are met. Nothing moves them: a gate
 * is checked on arrival only, so these are shown to the admin, never sent back.
 */
export function unmetGates(active: ProcessConfig, draft: ProcessConfig, cards: readonly BoardCard[]): UnmetGate[] {
  return cards.flatMap((card): UnmetGate[] => {
    if (!findStage(draft, card.listName)) return [];
    const missing = missingForStage(draft, card.listName, card.snapshot);
    if (missing.length === 0 || missingForStage(active, card.listName, card.snapshot).length > 0) return [];
    return [{ ...previewCard(card, active, draft), reasons: failureTexts(missing, draft.language) }];
  });
}
