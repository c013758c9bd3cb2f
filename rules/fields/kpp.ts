import { compactCode } from './compact-code';
import { invalid, valid, type FieldResult } from './field-result';

// КПП has no check digit; its format is: tax office code (4 digits), reason (2 digits or capital
// Latin letters, FTS order ММВ-7-6/435@), serial number (3 digits).
const KPP = /^\d{4}[\dA-Z]{2}\d{3}$/;

/** КПП: 9 characters, format only. */
export function validateKpp(value: unknown): FieldResult<string> {
  const code = compactCode(value) ?? '';
  if (!KPP.test(code)) {
    return invalid(
      'КПП — 9 знаков: 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры',
      'a KPP is 9 characters: 4 digits, 2 digits or capital Latin letters, 3 digits',
    );
  }
  return valid(code);
}
