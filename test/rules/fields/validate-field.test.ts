import { findField, validateField, type FieldDef } from '../../../rules';
import { loadDefaultRules } from '../default-rules';

const config = loadDefaultRules();
const field = (key: string): FieldDef => findField(config, key)!;

describe('validateField', () => {
  it('prefixes the problem with the field label: «ИНН: неверная контрольная цифра»', () => {
    expect(validateField(field('org.inn'), '7707083894')).toEqual({
      ok: false,
      error: { ru: 'ИНН: неверная контрольная цифра', en: 'INN (taxpayer number): wrong check digit' },
    });
  });

  it('answers the normalised value of a valid one', () => {
    expect(validateField(field('contact.phone'), '+7 (999) 123-45-67')).toEqual({ ok: true, value: '+79991234567' });
  });

  it.each([undefined, null, '', '   ', []])('counts %p as not filled, which is not an error', (value) => {
    expect(validateField(field('org.inn'), value)).toEqual({ ok: true, value: undefined });
  });

  describe('when the field is checked against another one', () => {
    const account = field('org.account');

    it('checks the account against the BIK in the same station', () => {
      expect(validateField(account, '40702810638000000000', { 'org.bik': '044525225' }).ok).toBe(true);
      expect(validateField(account, '40702810638000000000', { 'org.bik': '044525974' }).ok).toBe(false);
    });

    it('asks for the BIK when the station has none', () => {
      expect(validateField(account, '40702810638000000000', {})).toMatchObject({
        ok: false,
        error: { ru: 'Расчётный счёт: чтобы проверить счёт, сначала укажите верный БИК' },
      });
    });
  });

  it('validates every type of the default process on a real value', () => {
    const values: Record<string, unknown> = {
      'station.name': 'Радио Рокс', 'station.website': 'https://radio-rocks.ru', 'contact.email': 'tech@radio-rocks.ru',
      'org.kpp': '773601001', 'org.ogrn': '1027700132195', 'org.bik': '044525225', 'org.address': 'Москва,\nул. Вавилова, 19',
      'tech.approved': false, 'contract.date': '2024-05-01', 'contract.tariff': 'premium', 'contract.monthlyFee': '15000',
      options: ['statistics'], streams: [{ codec: 'opus', bitrate: 96, sampleRate: 48000, sourceUrl: 'srt://10.0.0.5:9000' }],
    };
    for (const [key, value] of Object.entries(values)) {
      expect([key, validateField(field(key), value, values).ok]).toEqual([key, true]);
    }
  });
});
