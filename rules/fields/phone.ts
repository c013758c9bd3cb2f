import { invalid, valid, type FieldResult } from './field-result';


/**
 * A phone number in international format. People separate groups with spaces, hyphens, dots and
 * brackets; the value kept is "+" and the digits (E.164 allows at most 15, and no real number
 * with its country code is shorter than 10).
 */
export function validatePhone(value: unknown): FieldResult<string> {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text.startsWith('+')) {
    // Says what is wrong, not the form's help again («В международном формате, например …»).
    return invalid('номер должен начинаться с «+» и кода страны, например +7', 'must start with "+" and the country code, e.g. +7');
  }
  if (!/^\+[\d\s().-]+$/.test(text)) {
    return invalid('в номере могут быть только цифры, пробелы, скобки и дефисы', 'may contain only digits, spaces, brackets and hyphens');
  }
  const digits = text.replace(/\D/g, '');
  if (digits.length < 10 || digits.length > 15) {
    return invalid(`в номере должно быть от 10 до 15 цифр, а не ${digits.length}`, `must have 10 to 15 digits, not ${digits.length}`);
  }
  if (digits.startsWith('0')) return invalid('код страны не начинается с 0', 'a country code does not start with 0');
  return valid(`+${digits}`);
}
