import { invalid, valid, type FieldResult } from './field-result';

/** A yes/no answer. Only real booleans count: the Power-Up's checkboxes store `true`/`false`. */
export function validateBoolean(value: unknown): FieldResult<boolean> {
  if (typeof value !== 'boolean') return invalid('должно быть «да» или «нет»', 'must be yes or no');
  return valid(value);
}
