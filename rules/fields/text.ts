import { invalid, valid, type FieldResult } from './field-result';

type TextParams = { maxLength?: number | undefined };

/** One line of text (a name, a contract number); surrounding spaces are not part of it. */
export function validateText(value: unknown, params: TextParams = {}): FieldResult<string> {
  if (typeof value !== 'string') return invalid('должно быть текстом', 'must be text');
  const text = value.trim();
  if (/[\r\n]/.test(text)) return invalid('должно быть в одну строку', 'must be a single line');
  return checkLength(text, params);
}

/** Free text over several lines (an address, an engineer's note). */
export function validateMultiline(value: unknown, params: TextParams = {}): FieldResult<string> {
  if (typeof value !== 'string') return invalid('должно быть текстом', 'must be text');
  return checkLength(value.trim(), params);
}

function checkLength(text: string, { maxLength }: TextParams): FieldResult<string> {
  if (maxLength !== undefined && text.length > maxLength) {
    return invalid(`не длиннее ${maxLength} символов`, `must be at most ${maxLength} characters`);
  }
  return valid(text);
}
