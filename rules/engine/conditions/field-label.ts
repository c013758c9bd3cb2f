import type { Bilingual } from '../../config/bilingual';
import type { FieldDef } from '../../config/field-schema';
import type { ProcessConfig } from '../../config/process-config';
import { findField } from '../../process/lookups';

/**
 * The field a gate names, and the label to show for it. `parseRules` guarantees the field exists;
 * a config built by hand may not, and then the key stands in for the label (and the value reads as
 * missing: a gate on an unknown field can never be met, which fails closed).
 */
export function gateField(config: ProcessConfig, key: string): { field: FieldDef | undefined; label: Bilingual } {
  const field = findField(config, key);
  return { field, label: field?.label ?? { ru: key, en: key } };
}

export function missingText(label: Bilingual): Bilingual {
  return { ru: `не заполнено поле «${label.ru}»`, en: `field "${label.en}" is empty` };
}

export function invalidText(label: Bilingual, problem: Bilingual): Bilingual {
  return {
    ru: `поле «${label.ru}» заполнено неверно: ${problem.ru}`,
    en: `field "${label.en}" is invalid: ${problem.en}`,
  };
}
