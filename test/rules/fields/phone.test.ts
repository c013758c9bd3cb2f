import { validatePhone } from '../../../rules/fields/phone';

describe('validatePhone', () => {
  describe('when the number is international', () => {
    it.each([
      ['+7 999 123-45-67', '+79991234567'],
      ['+7 (495) 500-55-50', '+74955005550'],
      ['+49 30 1234567', '+49301234567'],
      ['+375.29.123.45.67', '+375291234567'],
    ])('accepts %s and keeps it as %s', (phone, normalised) => {
      expect(validatePhone(phone)).toEqual({ ok: true, value: normalised });
    });
  });

  describe('when the number is not international', () => {
    it('refuses a number without "+", saying what is wrong rather than repeating the help', () => {
      expect(validatePhone('8 999 123-45-67')).toEqual({
        ok: false,
        error: {
          ru: 'номер должен начинаться с «+» и кода страны, например +7',
          en: 'must start with "+" and the country code, e.g. +7',
        },
      });
    });
  });

  describe('when the digits do not make a phone number', () => {
    it.each([
      ['+7 999 123', 'must have 10 to 15 digits, not 7'],
      ['+7 999 123 45 67 89 01 23', 'must have 10 to 15 digits, not 17'],
      ['+7 999 CALL-ME', 'may contain only digits, spaces, brackets and hyphens'],
      ['+0 999 123 45 67', 'a country code does not start with 0'],
    ])('refuses %s: %s', (phone, en) => {
      expect(validatePhone(phone)).toMatchObject({ ok: false, error: { en } });
    });
  });

  it('refuses a value that is not text', () => {
    expect(validatePhone(79991234567).ok).toBe(false);
  });
});
