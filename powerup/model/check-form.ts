import type { Bilingual, FieldDef, SubFieldDef } from '../../rules';
import { checkValue, isBlank } from './rules-runtime';
import { isRecord, rawValue, type Draft, type ItemDraft, type ValueDraft } from './station-draft';

/** Where a problem is: a field key, or `streams.2.bitrate` for a sub-field of an item (from 1). */
export type FieldPath = string;

export type FormCheck = {
  /** Valid, filled values, normalised by the validators (`+79991234567`, 44100 as a number). */
  values: Record<string, unknown>;
  errors: Record<FieldPath, Bilingual>;
};

/**
 * Checks every shown field with the validators the server's gates use (rules/fields), so the form
 * and the server never disagree. Cross-field checks (the account against the BIK) see the other
 * fields as typed, so fixing the BIK clears the account's error at once.
 */
export function checkForm(
  fields: readonly FieldDef[],
  drafts: Record<string, Draft>,
  stored: Record<string, unknown> = {},
): FormCheck {
  // Without a prototype, as the station itself (readStation): the validators read it by key.
  const typed: Record<string, unknown> = Object.assign(Object.create(null), stored);
  for (const field of fields) {
    typed[field.key] = field.type === 'repeatable' ? drafts[field.key] : rawValue(drafts[field.key] as ValueDraft);
  }
  const check: FormCheck = { values: {}, errors: {} };
  for (const field of fields) {
    if (field.type === 'repeatable') checkItems(field.key, field.fields, asItems(drafts[field.key]), typed, check);
    else checkOne(field.key, field, rawValue(drafts[field.key] as ValueDraft), typed, check);
  }
  return check;
}

type Typed = Record<string, unknown>;
type ValueField = Exclude<FieldDef, { type: 'repeatable' }> | SubFieldDef;

function checkItems(key: string, subs: readonly SubFieldDef[], items: ItemDraft[], typed: Typed, check: FormCheck) {
  const values: Record<string, unknown>[] = [];
  items.forEach((item, index) => {
    const own: FormCheck = { values: {}, errors: {} };
    for (const sub of subs) checkOne(`${key}.${index + 1}.${sub.key}`, sub, rawValue(item[sub.key] ?? ''), typed, own);
    Object.assign(check.errors, own.errors);
    // A stream left entirely empty is not saved: «Добавить» then walking away adds nothing.
    const filled = Object.fromEntries(Object.entries(own.values).map(([path, value]) => [path.split('.').at(-1)!, value]));
    if (Object.keys(filled).length > 0) values.push(filled);
  });
  if (values.length > 0) check.values[key] = values;
}

function checkOne(path: FieldPath, field: ValueField, raw: unknown, typed: Typed, check: FormCheck) {
  if (isBlank(raw)) return;
  const result = checkValue(field, raw, typed);
  if (result.ok) check.values[path] = result.value;
  else check.errors[path] = result.error;
}

function asItems(draft: Draft | undefined): ItemDraft[] {
  return Array.isArray(draft) ? draft.filter(isRecord) as ItemDraft[] : [];
}
