import type { FieldDef, SubFieldDef } from '../../rules';
import { textOf } from './text-of';

/** What an input holds while someone types: text, a checkbox, ticked options, or stream items. */
export type ValueDraft = string | boolean | string[];
export type ItemDraft = Record<string, ValueDraft>;
export type Draft = ValueDraft | ItemDraft[];

type AnyField = FieldDef | SubFieldDef;

/** The form's starting point for a field, from the stored station value (absent: empty). */
export function draftFromValue(field: AnyField, value: unknown): Draft {
  if (field.type === 'repeatable') {
    const items = Array.isArray(value) ? value.filter(isRecord) : [];
    // Own keys only: an item is foreign JSON, and `constructor` must not read as Object.
    return items.map((item) => Object.fromEntries(field.fields.map((sub) => [sub.key, draftFromValue(sub, ownValue(item, sub.key)) as ValueDraft])));
  }
  if (field.type === 'boolean') return value === true;
  if (field.type === 'multi-enum') return Array.isArray(value) ? value.map(textOf) : [];
  return value === undefined || value === null ? '' : textOf(value);
}

function ownValue(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** An empty stream: what «Добавить» appends. */
export function emptyItem(field: Extract<FieldDef, { type: 'repeatable' }>): ItemDraft {
  return Object.fromEntries(field.fields.map((sub) => [sub.key, draftFromValue(sub, undefined) as ValueDraft]));
}

/**
 * A draft as the validators take it. An unticked checkbox is "not filled", not `false`: the gates
 * ask for `true`, and leaving the key out keeps the stored object small (4096 characters in all).
 */
export function rawValue(draft: ValueDraft): unknown {
  if (draft === false) return undefined;
  return draft;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
