import { compactCode } from './compact-code';
import { invalid, valid, type FieldResult } from './field-result';

/** БИК of a Russian bank: 9 digits, and every one in Russia starts with the country code 04. */
export function validateBik(value: unknown): FieldResult<string> {
  const code = compactCode(value) ?? '';
  if (!/^04\d{7}$/.test(code)) {
    return invalid('БИК — 9 цифр, начинается с 04', 'a BIK is 9 digits starting with 04');
  }
  return valid(code);
}
