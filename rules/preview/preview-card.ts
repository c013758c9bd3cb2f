import type { Language, ProcessConfig } from '../config/process-config';
import type { Failure } from '../engine/types';
import { findStage } from '../process/find-stage';
import type { BoardCard, PreviewCard } from './preview-types';

/**
 * How the answer names a card. `stage` is the stage it sits in, spelt as the draft spells it (the
 * active rules' spelling for a stage the draft drops), or its list's name outside both.
 */
export function previewCard(card: BoardCard, active: ProcessConfig, draft: ProcessConfig): PreviewCard {
  const stage = findStage(draft, card.listName) ?? findStage(active, card.listName);
  return { cardId: card.cardId, cardName: card.name, url: card.url, stage: stage?.list ?? card.listName };
}

/** The failures as the mover would read them, in the language of the rules that produce them. */
export function failureTexts(failures: readonly Pick<Failure, 'ru' | 'en'>[], language: Language): string[] {
  return failures.map((failure) => failure[language]);
}
