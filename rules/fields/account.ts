import { validateBik } from './bik';
import { compactCode } from './compact-code';
import { invalid, valid, type FieldResult } from './field-result';

// The Bank of Russia's control key: the 23 digits "bank part + account" are multiplied by the
// weights 7,1,3 repeated; the sum of the products must end in 0. The bank part is the last three
// digits of the BIK, except for accounts at the Bank of Russia's own divisions (BIK ending in
// 000–002), where it is "0" + the 5th and 6th digits of the BIK.
const WEIGHTS = [7, 1, 3];

/** Расчётный счёт: 20 digits whose control key matches the bank's BIK. */
export function validateAccount(value: unknown, bik: unknown): FieldResult<string> {
  const account = compactCode(value) ?? '';
  if (!/^\d{20}$/.test(account)) return invalid('счёт — 20 цифр', 'an account number is 20 digits');
  const bank = validateBik(bik);
  if (!bank.ok) {
    return invalid('чтобы проверить счёт, сначала укажите верный БИК', 'enter a valid BIK first: the account is checked against it');
  }
  const digits = bankPart(bank.value) + account;
  const sum = [...digits].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i % 3]!, 0);
  if (sum % 10 !== 0) {
    return invalid(
      `не сходится контрольный ключ счёта с БИК ${bank.value}`,
      `the account's control key does not match BIK ${bank.value}`,
    );
  }
  return valid(account);
}

function bankPart(bik: string): string {
  const last = bik.slice(6);
  return last === '000' || last === '001' || last === '002' ? `0${bik.slice(4, 6)}` : last;
}
