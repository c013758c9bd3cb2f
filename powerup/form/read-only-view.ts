import type { FieldDef, ProcessConfig } from '../../rules';
import type { Localize } from '../i18n/localize';
import { formatValue } from '../model/format-value';
import { findField } from '../model/rules-runtime';
import { h } from '../ui/h';
import { groupFields } from './group-fields';

/** The station for members who may not edit the card: the same sections, values as text. */
export function createReadOnlyView(opts: {
  config: ProcessConfig;
  keys: readonly string[];
  station: Record<string, unknown>;
  language: 'ru' | 'en';
  localize: Localize;
}): HTMLElement {
  const { language, localize } = opts;
  const words = { yes: localize.text('value-yes'), no: localize.text('value-no') };
  const fields = opts.keys.map((key) => findField(opts.config, key)).filter((f): f is FieldDef => f !== undefined);
  const sections = groupFields(opts.config, fields, true, language).map(({ title, fields: inGroup }) =>
    h('section', { class: 'gk-group' }, [
      title === null ? null : h('h3', { class: 'gk-group-title', text: title }),
      h(
        'dl',
        { class: 'gk-values' },
        inGroup.flatMap((field) => {
          const text = formatValue(field, opts.station[field.key], language, words);
          return [h('dt', { text: field.label[language] }), h('dd', { class: text ? '' : 'gk-empty', text: text || '—' })];
        }),
      ),
    ]),
  );
  return h('div', { class: 'gk-readonly' }, [h('p', { class: 'gk-notice', text: localize.text('form-read-only') }), ...sections]);
}
