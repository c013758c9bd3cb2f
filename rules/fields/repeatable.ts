import type { Bilingual } from '../config/bilingual';
import type { FieldDef, SubFieldDef } from '../config/field-schema';
import { checkValue, type Station } from './check-value';
import { invalid, valid, type FieldResult } from './field-result';
import { isBlank } from './is-blank';

export type RepeatableDef = Extract<FieldDef, { type: 'repeatable' }>;
type Item = Record<string, unknown>;

/** One filled-in sub-field of an item that its validator refused. */
export type ItemProblem = { key: string; label: Bilingual; value: unknown; problem: Bilingual };
/** What one item (one stream) holds: which sub-fields are filled, and which of those are wrong. */
export type ItemReport = { number: number; filled: string[]; problems: ItemProblem[] };

export type RepeatableReport = { result: FieldResult<Item[]>; items: ItemReport[] };

/**
 * Checks a repeatable group item by item. Blank sub-fields are not errors here (whether they are
 * required is the gate's business); filled ones must be valid. Items are numbered from 1, as people
 * count them on the form.
 */
export function checkRepeatable(field: RepeatableDef, value: unknown, station: Station): RepeatableReport {
  if (!Array.isArray(value) || !value.every(isItem)) {
    return { result: invalid('должно быть списком элементов', 'must be a list of items'), items: [] };
  }
  const checked = value.map((item, i) => checkItem(field.fields, item, i + 1, station));
  const items = checked.map(({ report }) => report);
  const first = items.flatMap((item) => item.problems.map((problem) => ({ number: item.number, ...problem })))[0];
  if (!first) return { result: valid(checked.map(({ normalised }) => normalised)), items };
  return {
    result: invalid(
      `№${first.number}, ${first.label.ru}: ${first.problem.ru}`,
      `#${first.number}, ${first.label.en}: ${first.problem.en}`,
    ),
    items,
  };
}

function checkItem(fields: readonly SubFieldDef[], item: Item, number: number, station: Station) {
  const report: ItemReport = { number, filled: [], problems: [] };
  const normalised: Item = { ...item };
  for (const field of fields) {
    const value = item[field.key];
    if (isBlank(value)) continue;
    report.filled.push(field.key);
    const result = checkValue(field, value, station);
    if (result.ok) normalised[field.key] = result.value;
    else report.problems.push({ key: field.key, label: field.label, value, problem: result.error });
  }
  return { report, normalised };
}

function isItem(value: unknown): value is Item {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
