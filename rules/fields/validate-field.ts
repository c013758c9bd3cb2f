import type { FieldDef } from '../config/field-schema';
import { checkValue, type Station } from './check-value';
import type { FieldResult } from './field-result';
import { isBlank } from './is-blank';
import { checkRepeatable } from './repeatable';

/**
 * Validates one field of the station form: «ИНН: неверная контрольная цифра». The same function
 * backs the Power-Up form and the server's gates. A blank value is "not filled", which a field
 * allows unless a gate requires it, so it is valid here (and answers `undefined`).
 */
export function validateField(field: FieldDef, value: unknown, station: Station = {}): FieldResult {
  if (isBlank(value)) return { ok: true, value: undefined };
  const result = checkFilledField(field, value, station);
  if (result.ok) return result;
  return {
    ok: false,
    error: { ru: `${field.label.ru}: ${result.error.ru}`, en: `${field.label.en}: ${result.error.en}` },
  };
}

/** The type's verdict on a filled value, without the field's label. */
export function checkFilledField(field: FieldDef, value: unknown, station: Station): FieldResult {
  return field.type === 'repeatable' ? checkRepeatable(field, value, station).result : checkValue(field, value, station);
}
