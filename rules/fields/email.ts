import { invalid, valid, type FieldResult } from './field-result';

// Deliberately pragmatic, not RFC 5322: one "@", no spaces, a dotted domain whose last label has
// two or more characters. Cyrillic domains (почта@радио.рф) pass; "name@localhost" does not.
// Linear on any input, also uncapped (the rules file's addresses): every repeated class stops at a
// character it cannot hold ("@", "."), so the only choice is which dot starts the last label, and
// trying each costs that label's length once.
export const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)*\.[^\s@.]{2,}$/u;

/** An e-mail address; answers it trimmed, with the domain lower-cased. */
export function validateEmail(value: unknown): FieldResult<string> {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length > 254 || !EMAIL.test(text)) {
    return invalid('неверный адрес e-mail', 'not a valid e-mail address');
  }
  const at = text.lastIndexOf('@');
  return valid(text.slice(0, at) + text.slice(at).toLowerCase());
}
