import { validateNumber } from '../../../rules/fields/number';

describe('validateNumber', () => {
  const bitrate = { min: 8, max: 640, integer: true };

  it.each([
    [128, 128],
    ['320', 320],
    [' 8 ', 8],
    [640, 640],
  ])('accepts a bitrate of %p', (value, number) => {
    expect(validateNumber(value, bitrate)).toEqual({ ok: true, value: number });
  });

  it('reads a Russian decimal comma and grouped thousands', () => {
    expect(validateNumber('12 500,50', { min: 0 })).toEqual({ ok: true, value: 12500.5 });
  });

  it.each([
    [7, 'must be at least 8'],
    [641, 'must be at most 640'],
    [128.5, 'must be a whole number'],
    ['128 kbps', 'must be a number'],
    ['', 'must be a number'],
    [Number.NaN, 'must be a number'],
    [true, 'must be a number'],
  ])('refuses %p: %s', (value, en) => {
    expect(validateNumber(value, bitrate)).toMatchObject({ ok: false, error: { en } });
  });

  it('says the limits in Russian too', () => {
    expect(validateNumber(700, bitrate)).toEqual({ ok: false, error: { ru: 'должно быть не больше 640', en: 'must be at most 640' } });
  });
});
