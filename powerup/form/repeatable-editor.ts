import type { FieldDef } from '../../rules';
import type { Localize } from '../i18n/localize';
import { emptyItem, type ItemDraft } from '../model/station-draft';
import { h, uniqueId } from '../ui/h';
import { createFieldRow, type FieldRow } from './field-row';

type RepeatableField = Extract<FieldDef, { type: 'repeatable' }>;

export type RepeatableEditor = {
  el: HTMLElement;
  read(): ItemDraft[];
  /** The rows of the items' sub-fields by path (`streams.2.bitrate`), for the form's errors. */
  rows(): Map<string, FieldRow>;
};

/**
 * The list of streams: one box per item, numbered from 1 as the gate's reasons count them
 * («Поток №2: Битрейт»), each removable, and a button to add one.
 */
export function createRepeatableEditor(opts: {
  field: RepeatableField;
  items: ItemDraft[];
  language: 'ru' | 'en';
  localize: Localize;
  /** Sub-fields every counted item needs (from the next stage's gate). */
  neededSubFields: readonly string[];
  onInput(): void;
}): RepeatableEditor {
  const { field, language, localize } = opts;
  const list = h('div', { class: 'gk-items' });
  let rows = new Map<string, FieldRow>();
  let itemRows: Map<string, FieldRow>[] = [];

  const read = (): ItemDraft[] =>
    itemRows.map((subRows) => Object.fromEntries(field.fields.map((sub) => [sub.key, subRows.get(sub.key)!.read()])));

  const draw = (items: ItemDraft[]) => {
    rows = new Map();
    itemRows = items.map((item, index) => {
      const subRows = new Map(
        field.fields.map((sub) => {
          const needed = opts.neededSubFields.includes(sub.key);
          const mark = needed ? { text: localize.text('form-needed-item'), urgent: false } : undefined;
          const row = createFieldRow({ field: sub, draft: item[sub.key] ?? '', language, mark, onInput: opts.onInput });
          rows.set(`${field.key}.${index + 1}.${sub.key}`, row);
          return [sub.key, row] as const;
        }),
      );
      return subRows;
    });
    list.replaceChildren(
      ...itemRows.map((subRows, index) => {
        const title = `${(field.itemLabel ?? field.label)[language]} №${index + 1}`;
        const remove = h('button', {
          class: 'gk-button gk-button-quiet',
          text: localize.text('form-remove-item'),
          attrs: { type: 'button', 'aria-label': `${localize.text('form-remove-item')}: ${title}` },
          on: { click: () => change((current) => current.filter((_, i) => i !== index)) },
        });
        // A labelled group rather than fieldset/legend: a legend with a button beside it breaks the
        // box's border in every browser.
        const titleId = uniqueId('item');
        return h('div', { class: 'gk-item', attrs: { role: 'group', 'aria-labelledby': titleId } }, [
          h('div', { class: 'gk-item-title' }, [h('span', { text: title, attrs: { id: titleId } }), remove]),
          ...[...subRows.values()].map((row) => row.el),
        ]);
      }),
    );
  };
  const change = (edit: (items: ItemDraft[]) => ItemDraft[]) => {
    draw(edit(read()));
    opts.onInput();
  };
  draw(opts.items);

  const add = h('button', {
    class: 'gk-button gk-button-add',
    text: localize.text('form-add-item'),
    attrs: { type: 'button' },
    on: { click: () => change((current) => [...current, emptyItem(field)]) },
  });
  return { el: h('div', { class: 'gk-repeatable' }, [list, add]), read, rows: () => rows };
}
