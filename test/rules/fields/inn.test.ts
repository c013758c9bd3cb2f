import { validateInn } from '../../../rules/fields/inn';

describe('validateInn', () => {
  describe('when the INN is a real one', () => {
    it.each([
      ['7707083893', 'Sberbank'],
      ['7736207543', 'Yandex'],
      ['7710140679', 'Tinkoff Bank'],
      ['500100732259', 'an individual entrepreneur (12 digits)'],
    ])('accepts %s (%s)', (inn) => {
      expect(validateInn(inn)).toEqual({ ok: true, value: inn });
    });

    it('drops the spaces people type between groups of digits', () => {
      expect(validateInn(' 7707 083 893 ')).toEqual({ ok: true, value: '7707083893' });
    });
  });

  describe('when a check digit is wrong', () => {
    it.each(['7707083894', '500100732258', '500100732269'])('refuses %s and says the check digit is wrong', (inn) => {
      expect(validateInn(inn)).toEqual({ ok: false, error: { ru: 'неверная контрольная цифра', en: 'wrong check digit' } });
    });
  });

  describe('when the INN has the wrong length or letters', () => {
    it.each(['770708389', '77070838930', '77070838AB', ''])('refuses %p and says how long an INN is', (inn) => {
      const result = validateInn(inn);
      expect(result).toMatchObject({ ok: false, error: { ru: 'ИНН — 10 цифр (организация) или 12 цифр (ИП)' } });
    });

    it('refuses a number that lost its leading zero', () => {
      expect(validateInn(105017467).ok).toBe(false);
    });
  });
});
