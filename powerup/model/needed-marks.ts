import type { CardSnapshot, Failure, FieldRequirement } from '../../rules';
import type { PowerUpRules } from './api-contract';
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

type Mark = (key: string, extra?: Partial<NeededMark>) => void;

/**
 * The fields the next stage's gate names, and any field an earlier gate needs that the card has
 * lost since: both stand between the card and the next stage.
 */
export function neededMarks(config: PowerUpRules, listName: string, card: CardSnapshot): Record<string, NeededMark> {
  const next = nextStage(config, listName);
  if (!next) return {};
  const marks: Record<string, NeededMark> = {};
  const mark: Mark = (key, extra = {}) => {
    marks[key] = { stage: next.list, missing: false, ...marks[key], ...extra };
  };
  for (const req of next.gate?.fields ?? []) markRequirement(req, mark);
  for (const key of next.gate?.checked ?? []) mark(key);
  for (const failure of missingForStage(config, next.list, card)) markFailure(failure, mark);
  return marks;
}

function markRequirement(req: FieldRequirement, mark: Mark): void {
  if (typeof req === 'string') return mark(req);
  if ('anyOf' in req) return req.anyOf.forEach((key) => mark(key, { anyOf: req.anyOf.filter((other) => other !== key) }));
  mark(req.key, req.itemFields ? { itemFields: req.itemFields } : {});
}

/** The engine names the field in `facts.field`, or the alternatives in `facts.anyOf`. */
function markFailure({ facts }: Failure, mark: Mark): void {
  if (typeof facts.field === 'string') {
    const itemFields = Array.isArray(facts.itemFields) && facts.itemFields.length > 0 ? { itemFields: facts.itemFields.map(String) } : {};
    return mark(facts.field, { missing: true, ...itemFields });
  }
  if (!Array.isArray(facts.anyOf)) return;
  const keys = facts.anyOf.filter((key): key is string => typeof key === 'string');
  keys.forEach((key) => mark(key, { missing: true, anyOf: keys.filter((other) => other !== key) }));
}
