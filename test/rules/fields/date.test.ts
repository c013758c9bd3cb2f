import { validateDate } from '../../../rules/fields/date';

describe('validateDate', () => {
  it.each(['2024-05-01', '2024-02-29', ' 2025-12-31 '])('accepts %p', (date) => {
    expect(validateDate(date)).toEqual({ ok: true, value: date.trim() });
  });

  it.each(['01.05.2024', '2024-5-1', '2024-05-01T10:00:00Z', 20240501])('refuses %p and shows the format', (date) => {
    expect(validateDate(date)).toEqual({
      ok: false,
      error: { ru: 'дата в формате ГГГГ-ММ-ДД', en: 'must be a date written as YYYY-MM-DD' },
    });
  });

  it.each(['2023-02-29', '2024-02-30', '2024-13-01', '2024-04-31', '2024-00-10'])('refuses %s: no such date', (date) => {
    expect(validateDate(date)).toEqual({ ok: false, error: { ru: `такой даты нет: ${date}`, en: `no such date: ${date}` } });
  });
});
