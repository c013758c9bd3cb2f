import type { CardSnapshot, FieldRequirement, ProcessConfig } from '../../rules';
import { fieldsOfFailures } from './failure-fields';
import { missingForStage, nextStage } from './rules-runtime';

/** «нужно для «Подключение»» next to a field; `missing` when the card does not have it yet. */
export type NeededMark = {
  stage: string;
  missing: boolean;
  /** The other fields that would do instead (a phone OR an e-mail). */
  anyOf?: string[];
  /** For a repeatable field: the sub-fields every counted item needs. */
  itemFields?: string[];
};

/**
 * The fields the next stage's gate names, and any field an earlier gate needs that the card has
 * lost since: both stand between the card and the next stage.
 */
export function neededMarks(config: ProcessConfig, listName: string, card: CardSnapshot): Record<string, NeededMark> {
  const next = nextStage(config, listName);
  if (!next) return {};
  const missing = new Set(fieldsOfFailures(missingForStage(config, next.list, card)));
  const marks: Record<string, NeededMark> = {};
  const mark = (key: string, extra: Partial<NeededMark> = {}) => {
    marks[key] = { stage: next.list, missing: missing.has(key), ...extra };
  };
  for (const req of next.gate?.fields ?? []) markRequirement(req, mark);
  for (const key of next.gate?.checked ?? []) mark(key);
  for (const key of missing) if (!marks[key]) mark(key);
  return marks;
}

function markRequirement(req: FieldRequirement, mark: (key: string, extra?: Partial<NeededMark>) => void): void {
  if (typeof req === 'string') return mark(req);
  if ('anyOf' in req) return req.anyOf.forEach((key) => mark(key, { anyOf: req.anyOf.filter((other) => other !== key) }));
  mark(req.key, req.itemFields ? { itemFields: req.itemFields } : {});
}
