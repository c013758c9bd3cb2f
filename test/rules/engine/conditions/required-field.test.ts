import { requiredAnyOf, requiredField } from '../../../../rules/engine/conditions/required-field';
import { smallConfig } from '../../small-config';

const config = smallConfig();
const stage = config.stages[1]!;

describe('requiredField', () => {
  describe('when the field is empty', () => {
    it.each([undefined, '', '  ', null])('fails with field_missing naming the label (value %p)', (value) => {
      expect(requiredField(config, stage, 'name', { name: value })).toEqual([
        { code: 'field_missing', stage: 'B', ru: 'не заполнено поле «Название»', en: 'field "Name" is empty', facts: { field: 'name', value } },
      ]);
    });
  });

  describe('when the field is filled wrongly', () => {
    it('fails with field_invalid, the problem and the value seen', () => {
      expect(requiredField(config, stage, 'phone', { phone: '8 999 123 45 67' })).toEqual([
        {
          code: 'field_invalid',
          stage: 'B',
          ru: 'поле «Телефон» заполнено неверно: номер должен начинаться с «+» и кода страны, например +7',
          en: 'field "Phone" is invalid: must start with "+" and the country code, e.g. +7',
          facts: {
            field: 'phone',
            value: '8 999 123 45 67',
            problem: {
              ru: 'номер должен начинаться с «+» и кода страны, например +7',
              en: 'must start with "+" and the country code, e.g. +7',
            },
          },
        },
      ]);
    });
  });

  it('passes when the field is filled and valid', () => {
    expect(requiredField(config, stage, 'phone', { phone: '+7 999 123-45-67' })).toEqual([]);
  });

  it('fails closed on a field the config does not define', () => {
    expect(requiredField(config, stage, 'ghost', { ghost: 'boo' })).toMatchObject([{ code: 'field_missing', en: 'field "ghost" is empty' }]);
  });
});

describe('requiredAnyOf', () => {
  const keys = ['phone', 'email'];

  it.each([
    [{ phone: '+7 999 123-45-67' }],
    [{ email: 'tech@radio.ru' }],
    [{ phone: 'wrong', email: 'tech@radio.ru' }],
  ])('passes when one of them is filled and valid: %p', (station) => {
    expect(requiredAnyOf(config, stage, keys, station)).toEqual([]);
  });

  describe('when none is filled', () => {
    it('fails once, naming all of them', () => {
      expect(requiredAnyOf(config, stage, keys, {})).toEqual([
        {
          code: 'field_missing',
          stage: 'B',
          ru: 'не заполнено ни одно из полей: «Телефон», «Почта»',
          en: 'none of the fields "Phone", "E-mail" is filled',
          facts: { anyOf: keys, values: { phone: undefined, email: undefined } },
        },
      ]);
    });
  });

  describe('when the only filled one is wrong', () => {
    it('names that one, since fixing it is the way through', () => {
      expect(requiredAnyOf(config, stage, keys, { email: 'tech@' })).toMatchObject([
        { code: 'field_invalid', en: 'field "E-mail" is invalid: not a valid e-mail address' },
      ]);
    });
  });
});
