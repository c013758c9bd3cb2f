import type { Bilingual } from '../config/bilingual';
import type { Stage } from '../config/stage-schema';
import type { Failure, FailureCode } from './types';

export function failure(code: FailureCode, stage: Stage, text: Bilingual, facts: Record<string, unknown>): Failure {
  return { code, stage: stage.list, ru: text.ru, en: text.en, facts };
}

/** «Кодек», «Битрейт» in Russian; "Codec", "Bitrate" in English. */
export function quoteAll(labels: readonly Bilingual[]): Bilingual {
  return {
    ru: labels.map((label) => `«${label.ru}»`).join(', '),
    en: labels.map((label) => `"${label.en}"`).join(', '),
  };
}

/** "director", "accountant or director", "a, b or c". */
export function orList(words: readonly string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** «директор», «бухгалтер или директор», «а, б или в». */
export function orListRu(words: readonly string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} или ${words.at(-1)}`;
}

/** 1 элемент, 2 элемента, 5 элементов, 21 элемент. */
export function pluralRu(count: number, one: string, few: string, many: string): string {
  const mod100 = count % 100;
  const mod10 = count % 10;
  if (mod100 >= 11 && mod100 <= 14) return many;
  if (mod10 === 1) return one;
  return mod10 >= 2 && mod10 <= 4 ? few : many;
}
