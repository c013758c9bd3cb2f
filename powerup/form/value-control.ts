import type { FieldDef, SubFieldDef } from '../../rules';
import type { ValueDraft } from '../model/station-draft';
import { h, uniqueId } from '../ui/h';

export type ValueField = Exclude<FieldDef, { type: 'repeatable' }> | SubFieldDef;

/** One input (or group of checkboxes) for a value field, and how to read what it holds. */
export type ValueControl = { el: HTMLElement; id: string; read(): ValueDraft };

type Attrs = Record<string, string | number | boolean | undefined>;

/**
 * Plain text inputs with the keyboard a phone should open: numbers are typed as text because
 * Russians write «1 500,50» and `type=number` refuses the comma; codes (ИНН, БИК…) get the digit
 * keyboard. The rules validators judge the value either way.
 */
const TEXT_INPUTS: Partial<Record<ValueField['type'], Attrs>> = {
  text: { type: 'text' },
  email: { type: 'email', inputmode: 'email', autocomplete: 'email' },
  phone: { type: 'tel', inputmode: 'tel', autocomplete: 'tel', placeholder: '+7 999 123-45-67' },
  url: { type: 'url', inputmode: 'url', placeholder: 'https://' },
  date: { type: 'date' },
  inn: { type: 'text', inputmode: 'numeric' },
  kpp: { type: 'text', autocapitalize: 'characters' },
  ogrn: { type: 'text', inputmode: 'numeric' },
  bik: { type: 'text', inputmode: 'numeric' },
  account: { type: 'text', inputmode: 'numeric' },
};

export function createValueControl(field: ValueField, draft: ValueDraft, language: 'ru' | 'en', onInput: () => void): ValueControl {
  const id = uniqueId(`f-${field.key.replace(/\W/g, '-')}`);
  const on = { input: onInput, change: onInput };
  switch (field.type) {
    case 'boolean': {
      const box = h('input', { class: 'gk-check', attrs: { type: 'checkbox', id, checked: draft === true }, on });
      return { el: box, id, read: () => box.checked };
    }
    case 'multiline': {
      const area = h('textarea', { class: 'gk-input', attrs: { id, rows: 3, maxlength: field.maxLength }, on });
      area.value = String(draft);
      return { el: area, id, read: () => area.value };
    }
    case 'enum': {
      const options = field.options.map((o) => h('option', { text: o.label[language], attrs: { value: String(o.value) } }));
      const select = h('select', { class: 'gk-input', attrs: { id }, on }, [h('option', { text: '—', attrs: { value: '' } }), ...options]);
      select.value = String(draft);
      return { el: select, id, read: () => select.value };
    }
    case 'multi-enum': {
      const chosen = Array.isArray(draft) ? draft : [];
      const boxes = field.options.map((o) => {
        const value = String(o.value);
        return h('input', { class: 'gk-check', attrs: { type: 'checkbox', value, checked: chosen.includes(value) }, on });
      });
      const labels = boxes.map((box, i) =>
        h('label', { class: 'gk-option' }, [box, h('span', { text: field.options[i]!.label[language] })]),
      );
      const group = h('div', { class: 'gk-options', attrs: { id, role: 'group' } }, labels);
      return { el: group, id, read: () => boxes.filter((box) => box.checked).map((box) => box.value) };
    }
    case 'number': {
      const attrs = { type: 'text', inputmode: field.integer ? 'numeric' : 'decimal' };
      return textControl(id, attrs, draft, on);
    }
    default: {
      const attrs = { ...TEXT_INPUTS[field.type], maxlength: field.type === 'text' ? field.maxLength : undefined };
      return textControl(id, attrs, draft, on);
    }
  }
}

function textControl(id: string, attrs: Attrs, draft: ValueDraft, on: { input: () => void; change: () => void }): ValueControl {
  const input = h('input', { class: 'gk-input', attrs: { id, autocomplete: 'off', ...attrs }, on });
  input.value = String(draft);
  return { el: input, id, read: () => input.value };
}
