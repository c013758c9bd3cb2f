import { validateBoolean } from '../../../rules/fields/boolean';

describe('validateBoolean', () => {
  it.each([true, false])('accepts %p', (value) => {
    expect(validateBoolean(value)).toEqual({ ok: true, value });
  });

  it.each(['true', 'да', 1, 0, null])('refuses %p: the Power-Up stores real booleans', (value) => {
    expect(validateBoolean(value)).toEqual({ ok: false, error: { ru: 'должно быть «да» или «нет»', en: 'must be yes or no' } });
  });
});
