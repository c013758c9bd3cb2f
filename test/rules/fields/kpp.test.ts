import { validateKpp } from '../../../rules/fields/kpp';

describe('validateKpp', () => {
  it.each([
    ['773601001', 'Yandex'],
    ['773101001', 'a Moscow tax office'],
    ['7736AB001', 'a reason code in capital Latin letters'],
  ])('accepts %s (%s)', (kpp) => {
    expect(validateKpp(kpp)).toEqual({ ok: true, value: kpp });
  });

  it.each([
    ['77360100', 'eight characters'],
    ['7736010010', 'ten characters'],
    ['7736ab001', 'lower-case letters'],
    ['77A601001', 'a letter among the first four digits'],
    ['773601A01', 'a letter in the serial number'],
  ])('refuses %s (%s) and describes the format', (kpp) => {
    expect(validateKpp(kpp)).toEqual({
      ok: false,
      error: {
        ru: 'КПП — 9 знаков: 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры',
        en: 'a KPP is 9 characters: 4 digits, 2 digits or capital Latin letters, 3 digits',
      },
    });
  });
});
