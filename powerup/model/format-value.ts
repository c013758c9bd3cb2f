import type { FieldDef, SubFieldDef } from '../../rules';
import { isBlank } from './rules-runtime';
import { isRecord } from './station-draft';
import { textOf } from './text-of';

export type Words = { yes: string; no: string };

/**
 * A stored value as the read-only view shows it: option labels instead of option values, yes/no
 * for checkboxes, one line per stream. '' for a value that is not filled in.
 */
export function formatValue(field: FieldDef | SubFieldDef, value: unknown, language: 'ru' | 'en', words: Words): string {
  if (isBlank(value)) return '';
  switch (field.type) {
    case 'boolean':
      return value === true ? words.yes : words.no;
    case 'enum':
      return optionLabel(field.options, value, language);
    case 'multi-enum':
      return Array.isArray(value) ? value.map((v) => optionLabel(field.options, v, language)).join(', ') : textOf(value);
    case 'repeatable':
      return (Array.isArray(value) ? value.filter(isRecord) : [])
        .map((item, i) => {
          const parts = field.fields.map((sub) => formatValue(sub, item[sub.key], language, words)).filter((text) => text !== '');
          return `№${i + 1}: ${parts.join(', ')}`;
        })
        .join('\n');
    default:
      return textOf(value);
  }
}

type Option = { value: string | number; label: { ru: string; en: string } };

function optionLabel(options: readonly Option[], value: unknown, language: 'ru' | 'en'): string {
  return options.find((o) => String(o.value) === textOf(value))?.label[language] ?? textOf(value);
}
