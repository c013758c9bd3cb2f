import type { Bilingual } from '../config/bilingual';

/** What every field validator answers: the normalised value, or what is wrong in both languages. */
export type FieldResult<T = unknown> = { ok: true; value: T } | { ok: false; error: Bilingual };

export function valid<T>(value: T): FieldResult<T> {
  return { ok: true, value };
}

export function invalid(ru: string, en: string): FieldResult<never> {
  return { ok: false, error: { ru, en } };
}
