import { validateMultiline, validateText } from '../../../rules/fields/text';

describe('validateText', () => {
  it('accepts one line and trims it', () => {
    expect(validateText('  Радио Рокс ')).toEqual({ ok: true, value: 'Радио Рокс' });
  });

  it('refuses a second line', () => {
    expect(validateText('Радио\nРокс')).toEqual({ ok: false, error: { ru: 'должно быть в одну строку', en: 'must be a single line' } });
  });

  it('refuses text longer than maxLength', () => {
    expect(validateText('abcdef', { maxLength: 5 })).toEqual({
      ok: false,
      error: { ru: 'не длиннее 5 символов', en: 'must be at most 5 characters' },
    });
  });

  it.each([42, true, ['a'], { a: 1 }])('refuses %p: not text', (value) => {
    expect(validateText(value)).toEqual({ ok: false, error: { ru: 'должно быть текстом', en: 'must be text' } });
  });
});

describe('validateMultiline', () => {
  it('accepts several lines', () => {
    expect(validateMultiline('г. Москва,\nул. Льва Толстого, 16')).toEqual({ ok: true, value: 'г. Москва,\nул. Льва Толстого, 16' });
  });

  it('refuses text longer than maxLength', () => {
    expect(validateMultiline('a\nb\nc', { maxLength: 3 }).ok).toBe(false);
  });
});
