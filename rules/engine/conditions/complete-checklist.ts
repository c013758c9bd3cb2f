import type { ProcessConfig } from '../../config/process-config';
import type { Stage } from '../../config/stage-schema';
import { findChecklist } from '../../process/lookups';
import { sameName } from '../../process/same-name';
import { failure } from '../failure';
import type { CardSnapshot, Failure } from '../types';

/**
 * A checklist whose every item, as the rules define it, is ticked on the card: one failure per
 * unticked item, so the comment lists them all. Items people added to the card themselves do not
 * block. If the checklist was added twice (a retried add), an item ticked in either copy counts.
 */
export function completeChecklist(config: ProcessConfig, stage: Stage, name: string, card: CardSnapshot): Failure[] {
  const copies = card.checklists.filter((checklist) => sameName(checklist.name, name));
  if (copies.length === 0) {
    return [
      failure(
        'checklist_missing',
        stage,
        { ru: `на карточке нет чек-листа «${name}»`, en: `the card has no checklist "${name}"` },
        { checklist: name, cardChecklists: card.checklists.map((c) => c.name) },
      ),
    ];
  }
  const onCard = copies.flatMap((checklist) => checklist.items);
  // Without a definition (a hand-built config) the card's own items are the measure.
  const items = findChecklist(config, name)?.items ?? onCard.map((item) => item.name);
  return items.flatMap((item) => {
    const found = onCard.filter((candidate) => sameName(candidate.name, item));
    if (found.some((candidate) => candidate.complete)) return [];
    const text =
      found.length > 0
        ? { ru: `не отмечен пункт «${item}» чек-листа «${name}»`, en: `item "${item}" of checklist "${name}" is not checked` }
        : { ru: `в чек-листе «${name}» нет пункта «${item}»`, en: `checklist "${name}" has no item "${item}"` };
    return [failure('checklist_incomplete', stage, text, { checklist: name, item, present: found.length > 0 })];
  });
}
