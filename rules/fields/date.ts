import { invalid, valid, type FieldResult } from './field-result';

/** A calendar date written as ISO yyyy-mm-dd (what `<input type="date">` gives); 2024-02-30 is refused. */
export function validateDate(value: unknown): FieldResult<string> {
  const text = typeof value === 'string' ? value.trim() : '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return invalid('дата в формате ГГГГ-ММ-ДД', 'must be a date written as YYYY-MM-DD');
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC rolls 30 February over into March: a round trip tells a real date from a rolled one.
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return invalid(`такой даты нет: ${text}`, `no such date: ${text}`);
  }
  return valid(text);
}
