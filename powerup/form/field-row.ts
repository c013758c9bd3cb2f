import type { ValueDraft } from '../model/station-draft';
import { h, uniqueId } from '../ui/h';
import { createValueControl, type ValueField } from './value-control';

/** A labelled input with its «нужно для …» mark, help text and error line. */
export type FieldRow = { el: HTMLElement; read(): ValueDraft; setError(text: string | undefined): void };

/** Fields that take the whole width where the form has two columns. */
const WIDE: readonly ValueField['type'][] = ['multiline', 'multi-enum'];

export type FieldRowOptions = {
  field: ValueField;
  draft: ValueDraft;
  language: 'ru' | 'en';
  /** «нужно для «Подключение»»; `urgent` when the card does not have the value yet. */
  mark?: { text: string; urgent: boolean } | undefined;
  onInput(): void;
};

export function createFieldRow(opts: FieldRowOptions): FieldRow {
  const { field, language } = opts;
  const control = createValueControl(field, opts.draft, language, opts.onInput);
  const errorId = uniqueId('err');
  const error = h('p', { class: 'gk-error', attrs: { id: errorId, 'aria-live': 'polite' } });
  const help = field.help ? h('p', { class: 'gk-help', text: field.help[language] }) : null;
  const mark = opts.mark ? h('span', { class: opts.mark.urgent ? 'gk-mark gk-mark-urgent' : 'gk-mark', text: opts.mark.text }) : null;
  const labelText = h('span', { class: 'gk-label-text', text: field.label[language] });

  // A checkbox reads best with its label beside it; everything else stacks label over input.
  const el =
    field.type === 'boolean'
      ? h('div', { class: 'gk-row gk-row-check' }, [
          h('label', { class: 'gk-label', attrs: { for: control.id } }, [control.el, labelText]),
          mark,
          help,
          error,
        ])
      : h('div', { class: WIDE.includes(field.type) ? 'gk-row gk-row-wide' : 'gk-row' }, [
          field.type === 'multi-enum'
            ? h('span', { class: 'gk-label', attrs: { id: `${control.id}-label` } }, [labelText])
            : h('label', { class: 'gk-label', attrs: { for: control.id } }, [labelText]),
          mark,
          control.el,
          help,
          error,
        ]);
  if (field.type === 'multi-enum') control.el.setAttribute('aria-labelledby', `${control.id}-label`);
  control.el.setAttribute('aria-describedby', errorId);

  return {
    el,
    read: control.read,
    setError(text) {
      error.textContent = text ?? '';
      el.classList.toggle('gk-invalid', text !== undefined);
      control.el.setAttribute('aria-invalid', text === undefined ? 'false' : 'true');
    },
  };
}
