import { validateOgrn } from '../../../rules/fields/ogrn';

describe('validateOgrn', () => {
  describe('when the number is a real OGRN or OGRNIP', () => {
    it.each([
      ['1027700132195', 'Sberbank'],
      ['1027700229193', 'Yandex'],
      ['1027739642281', 'Tinkoff Bank'],
      ['304500116000157', 'an individual entrepreneur (OGRNIP, 15 digits)'],
    ])('accepts %s (%s)', (ogrn) => {
      expect(validateOgrn(ogrn)).toEqual({ ok: true, value: ogrn });
    });
  });

  describe('when the check digit is wrong', () => {
    it.each(['1027700132196', '304500116000158'])('refuses %s', (ogrn) => {
      expect(validateOgrn(ogrn)).toEqual({ ok: false, error: { ru: 'неверная контрольная цифра', en: 'wrong check digit' } });
    });
  });

  describe('when the first digit is not a registration record type', () => {
    it('refuses a 13-digit number starting with 2', () => {
      expect(validateOgrn('2027700132195')).toMatchObject({ ok: false, error: { ru: 'ОГРН начинается с 1 или 5' } });
    });

    it('refuses a 15-digit number not starting with 3', () => {
      expect(validateOgrn('404500116000157')).toMatchObject({ ok: false, error: { ru: 'ОГРНИП начинается с 3' } });
    });
  });

  it.each(['102770013219', '10277001321950', 'ОГРН1027700132'])('refuses %s for its length', (ogrn) => {
    expect(validateOgrn(ogrn)).toMatchObject({ ok: false, error: { en: 'an OGRN is 13 digits (organisation), an OGRNIP 15 digits (individual entrepreneur)' } });
  });
});
