import type { Localize } from '../i18n/localize';
import type { PowerUpRules } from '../model/api-contract';
import type { NeededMark } from '../model/needed-marks';
import { findField } from '../model/rules-runtime';

/** «нужно для «Подключение»», or «нужно для «Сбор данных» (или «E-mail»)» for alternatives. */
export function markText(config: PowerUpRules, mark: NeededMark, language: 'ru' | 'en', localize: Localize): string {
  if (!mark.anyOf || mark.anyOf.length === 0) return localize.text('form-needed', { stage: mark.stage });
  const others = mark.anyOf.map((key) => findField(config, key)?.label[language] ?? key);
  return localize.text('form-needed-any', { stage: mark.stage, others: others.join(', ') });
}
