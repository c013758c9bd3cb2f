import { compactCode, weightedSum } from './compact-code';
import { invalid, valid, type FieldResult } from './field-result';

// Check digits of the taxpayer number (ИНН), as the Federal Tax Service computes them:
// each check digit is (Σ digit × weight) mod 11 mod 10.
const LEGAL = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const PERSON_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const PERSON_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

/** ИНН: 10 digits for an organisation, 12 for an individual (ИП), with their check digits. */
export function validateInn(value: unknown): FieldResult<string> {
  const code = compactCode(value) ?? '';
  if (!/^\d+$/.test(code) || (code.length !== 10 && code.length !== 12)) {
    return invalid(
      'ИНН — 10 цифр (организация) или 12 цифр (ИП)',
      'an INN is 10 digits (organisation) or 12 digits (individual entrepreneur)',
    );
  }
  const ok =
    code.length === 10
      ? checkDigit(code, LEGAL) === Number(code[9])
      : checkDigit(code, PERSON_11) === Number(code[10]) && checkDigit(code, PERSON_12) === Number(code[11]);
  return ok ? valid(code) : invalid('неверная контрольная цифра', 'wrong check digit');
}

function checkDigit(code: string, weights: readonly number[]): number {
  return (weightedSum(code, weights) % 11) % 10;
}
