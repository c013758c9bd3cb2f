import { validateEmail } from '../../../rules/fields/email';

describe('validateEmail', () => {
  it.each([
    ['tech@radio-rocks.ru', 'tech@radio-rocks.ru'],
    [' Ivan.Petrov+stream@Example.COM ', 'Ivan.Petrov+stream@example.com'],
    ['эфир@радио.рф', 'эфир@радио.рф'],
  ])('accepts %p as %p', (email, normalised) => {
    expect(validateEmail(email)).toEqual({ ok: true, value: normalised });
  });

  it.each(['tech', 'tech@', '@radio.ru', 'tech@radio', 'tech@radio.r', 'te ch@radio.ru', 'a@b@radio.ru', 'tech@.ru'])(
    'refuses %p',
    (email) => {
      expect(validateEmail(email)).toEqual({ ok: false, error: { ru: 'неверный адрес e-mail', en: 'not a valid e-mail address' } });
    },
  );
});
