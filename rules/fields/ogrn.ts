import { compactCode } from './compact-code';
import { invalid, valid, type FieldResult } from './field-result';

/**
 * ОГРН (13 digits, an organisation; starts with 1 or 5) or ОГРНИП (15 digits, an individual
 * entrepreneur; starts with 3). The last digit is the number formed by the others mod 11
 * (ОГРН) or mod 13 (ОГРНИП), then mod 10.
 */
export function validateOgrn(value: unknown): FieldResult<string> {
  const code = compactCode(value) ?? '';
  if (!/^\d+$/.test(code) || (code.length !== 13 && code.length !== 15)) {
    return invalid(
      'ОГРН — 13 цифр (организация) или ОГРНИП — 15 цифр (ИП)',
      'an OGRN is 13 digits (organisation), an OGRNIP 15 digits (individual entrepreneur)',
    );
  }
  if (code.length === 13 && code[0] !== '1' && code[0] !== '5') {
    return invalid('ОГРН начинается с 1 или 5', 'an OGRN starts with 1 or 5');
  }
  if (code.length === 15 && code[0] !== '3') return invalid('ОГРНИП начинается с 3', 'an OGRNIP starts with 3');
  const modulus = code.length === 13 ? 11 : 13;
  const body = code.slice(0, -1);
  if (remainder(body, modulus) % 10 !== Number(code.at(-1))) {
    return invalid('неверная контрольная цифра', 'wrong check digit');
  }
  return valid(code);
}

/** Long division digit by digit: 14-digit numbers are safe as doubles, but this needs no such care. */
function remainder(digits: string, modulus: number): number {
  let rest = 0;
  for (const digit of digits) rest = (rest * 10 + Number(digit)) % modulus;
  return rest;
}
