import type { CardSnapshot } from '../../rules';
import { message } from '../i18n/message';
import type { PowerUpRules } from './api-contract';
import type { BadgeModel } from './badge-model';
import { checklistForStage, sameName } from './rules-runtime';

export type ChecklistProgress = { name: string; done: number; total: number };

/**
 * How far the checklist of the card's current stage is ticked, counted against the items the rules
 * define, the way the gate counts them: names match loosely, an item ticked in either copy of a
 * checklist added twice counts, and items people added themselves do not count.
 */
export function checklistProgress(
  config: PowerUpRules,
  listName: string,
  checklists: CardSnapshot['checklists'],
): ChecklistProgress | undefined {
  const definition = checklistForStage(config, listName);
  if (!definition) return undefined;
  const onCard = checklists.filter((c) => sameName(c.name, definition.name)).flatMap((c) => c.items);
  const done = definition.items.filter((item) => onCard.some((i) => i.complete && sameName(i.name, item))).length;
  return { name: definition.name, done, total: definition.items.length };
}

/** «Регистрация клиента 3/5»; green once complete. */
export function checklistBadge(progress: ChecklistProgress | undefined): BadgeModel | undefined {
  if (!progress) return undefined;
  return {
    kind: 'checklist',
    title: message('badge-checklist-title'),
    text: message('badge-checklist', { name: progress.name, done: progress.done, total: progress.total }),
    color: progress.done === progress.total ? 'green' : null,
  };
}
