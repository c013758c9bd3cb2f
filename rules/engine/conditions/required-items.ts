import type { Bilingual } from '../../config/bilingual';
import type { ProcessConfig } from '../../config/process-config';
import type { Stage } from '../../config/stage-schema';
import type { Station } from '../../fields/check-value';
import { isBlank } from '../../fields/is-blank';
import { checkRepeatable, type ItemReport, type RepeatableDef } from '../../fields/repeatable';
import { failure, pluralRu, quoteAll } from '../failure';
import type { Failure } from '../types';
import { gateField, invalidText, missingText } from './field-label';

type ItemsRequirement = { key: string; minItems: number; itemFields?: string[] | undefined };
type ItemGaps = { number: number; missing: string[] };

/**
 * A repeatable field (the streams) with at least `minItems` items whose `itemFields` are all
 * filled and valid. Every filled-in value of every item must be valid too: a wrong source URL in a
 * second stream is still wrong data.
 */
export function requiredItems(config: ProcessConfig, stage: Stage, req: ItemsRequirement, station: Station): Failure[] {
  const { field, label } = gateField(config, req.key);
  const value = station[req.key];
  // parseRules only lets `minItems` name a repeatable field; anything else cannot be met (fail closed).
  if (field?.type !== 'repeatable') return [failure('field_missing', stage, missingText(label), { field: req.key, value })];
  const report = checkRepeatable(field, isBlank(value) ? [] : value, station);
  if (!report.result.ok && report.items.length === 0) {
    return [failure('field_invalid', stage, invalidText(label, report.result.error), { field: req.key, value })];
  }

  const wanted = req.itemFields ?? [];
  const gaps = report.items.map((item) => ({ number: item.number, missing: wanted.filter((key) => !item.filled.includes(key)) }));
  const complete = report.items.filter((item, i) => isComplete(item, wanted, gaps[i]!.missing)).length;
  const invalid = report.items.flatMap((item) => invalidValues(stage, req.key, label, item));
  if (complete >= req.minItems) return invalid;

  const text = report.items.length === 0 && wanted.length === 0 ? missingText(label) : tooFewText(field, label, req, complete, gaps);
  const facts = { field: req.key, minItems: req.minItems, itemFields: wanted, complete, items: gaps };
  return [failure('field_missing', stage, text, facts), ...invalid];
}

/** An item counts when it has something, lacks none of the wanted sub-fields, and none of them is wrong. */
function isComplete(item: ItemReport, wanted: readonly string[], missing: readonly string[]): boolean {
  return item.filled.length > 0 && missing.length === 0 && !item.problems.some((p) => wanted.includes(p.key));
}

/** «Потоки №2: Битрейт» заполнено неверно: … — one failure per wrong value. */
function invalidValues(stage: Stage, key: string, label: Bilingual, item: ItemReport): Failure[] {
  return item.problems.map((p) => {
    const itemLabel = { ru: `${label.ru} №${item.number}: ${p.label.ru}`, en: `${label.en} #${item.number}: ${p.label.en}` };
    const facts = { field: key, item: item.number, subField: p.key, value: p.value, problem: p.problem };
    return failure('field_invalid', stage, invalidText(itemLabel, p.problem), facts);
  });
}

/** поле «Потоки»: требуется хотя бы 1 элемент, где заполнены «Кодек», … (сейчас 0); в №1 не заполнено: … */
function tooFewText(field: RepeatableDef, label: Bilingual, req: ItemsRequirement, complete: number, gaps: ItemGaps[]): Bilingual {
  const subLabel = (key: string) => field.fields.find((f) => f.key === key)?.label ?? { ru: key, en: key };
  const wanted = quoteAll((req.itemFields ?? []).map(subLabel));
  const lacking = gaps.filter((gap) => gap.missing.length > 0).map((gap) => ({ ...gap, labels: quoteAll(gap.missing.map(subLabel)) }));
  const ru = [
    `поле «${label.ru}»: требуется хотя бы ${req.minItems} ${pluralRu(req.minItems, 'элемент', 'элемента', 'элементов')}`,
    wanted.ru ? `, где заполнены ${wanted.ru}` : '',
    ` (сейчас ${complete})`,
    ...lacking.map((gap) => `; в №${gap.number} не заполнено: ${gap.labels.ru}`),
  ];
  const en = [
    `field "${label.en}" needs at least ${req.minItems} item${req.minItems === 1 ? '' : 's'}`,
    wanted.en ? ` with ${wanted.en} filled` : '',
    ` (now ${complete})`,
    ...lacking.map((gap) => `; #${gap.number} lacks ${gap.labels.en}`),
  ];
  return { ru: ru.join(''), en: en.join('') };
}
