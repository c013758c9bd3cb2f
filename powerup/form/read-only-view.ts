import type { FieldDef } from '../../rules';
import type { Localize } from '../i18n/localize';
import type { PowerUpRules } from '../model/api-contract';
import { formatValue } from '../model/format-value';
import { findField } from '../model/rules-runtime';
import { h } from '../ui/h';
import { groupFields } from './group-fields';

/**
 * The station for members who may not edit the card: the same groups, only the values that are
 * filled in (the readiness line above says what is missing), so the section stays short.
 */
export function createReadOnlyView(opts: {
  config: PowerUpRules;
  keys: readonly string[];
  station: Record<string, unknown>;
  language: 'ru' | 'en';
  localize: Localize;
}): HTMLElement {
  const { language, localize } = opts;
  const words = { yes: localize.text('value-yes'), no: localize.text('value-no') };
  const fields = opts.keys.map((key) => findField(opts.config, key)).filter((f): f is FieldDef => f !== undefined);
  const sections = groupFields(opts.config, fields, true, language).map(({ title, fields: inGroup }) => {
    const filled = inGroup
      .map((field) => ({ field, text: formatValue(field, opts.station[field.key], language, words) }))
      .filter(({ text }) => text !== '');
    return h('section', { class: 'gk-ro-group' }, [
      title === null ? null : h('h3', { class: 'gk-group-title', text: title }),
      filled.length === 0
        ? h('p', { class: 'gk-empty', text: localize.text('value-none') })
        : h(
            'dl',
            { class: 'gk-values' },
            filled.flatMap(({ field, text }) => [h('dt', { text: field.label[language] }), h('dd', { text })]),
          ),
    ]);
  });
  return h('div', { class: 'gk-readonly' }, [h('p', { class: 'gk-notice', text: localize.text('form-read-only') }), ...sections]);
}
