import { validateBik } from '../../../rules/fields/bik';

describe('validateBik', () => {
  it.each([
    ['044525225', 'Sberbank, Moscow'],
    ['044525974', 'Tinkoff Bank'],
    ['044030653', 'Sberbank, St Petersburg'],
  ])('accepts %s (%s)', (bik) => {
    expect(validateBik(bik)).toEqual({ ok: true, value: bik });
  });

  it.each([
    ['144525225', 'not starting with 04'],
    ['04452522', 'eight digits'],
    ['0445252251', 'ten digits'],
    ['04452522X', 'a letter'],
  ])('refuses %s (%s)', (bik) => {
    expect(validateBik(bik)).toEqual({ ok: false, error: { ru: 'БИК — 9 цифр, начинается с 04', en: 'a BIK is 9 digits starting with 04' } });
  });
});
