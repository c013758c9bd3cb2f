import type { FieldDef } from '../../rules';
import type { Localize } from '../i18n/localize';
import type { PowerUpRules } from '../model/api-contract';
import type { NeededMark } from '../model/needed-marks';
import { draftFromValue, type Draft, type ItemDraft, type ValueDraft } from '../model/station-draft';
import { h } from '../ui/h';
import { createFieldRow, type FieldRow } from './field-row';
import { markText } from './mark-text';
import { createRepeatableEditor, type RepeatableEditor } from './repeatable-editor';

export type FieldEditors = {
  /** The element of each field, by key. */
  elements: Map<string, HTMLElement>;
  drafts(): Record<string, Draft>;
  /** Every input row by error path (`org.inn`, `streams.2.bitrate`). */
  rows(): Map<string, FieldRow>;
};

/** An input row per value field, the item list for a repeatable one, each with its mark. */
export function createFieldEditors(opts: {
  config: PowerUpRules;
  fields: readonly FieldDef[];
  stored: Record<string, unknown>;
  marks: Record<string, NeededMark>;
  /** Whether a repeatable field shows its own label (no section title says it already). */
  labelRepeatable: boolean;
  language: 'ru' | 'en';
  localize: Localize;
  onInput(): void;
}): FieldEditors {
  const { config, language, localize, onInput } = opts;
  const editors = new Map<string, FieldRow | RepeatableEditor>();
  const elements = new Map<string, HTMLElement>();
  for (const field of opts.fields) {
    const mark = opts.marks[field.key];
    const shownMark = mark ? { text: markText(config, mark, language, localize), urgent: mark.missing } : undefined;
    if (field.type === 'repeatable') {
      const items = draftFromValue(field, opts.stored[field.key]) as ItemDraft[];
      const editor = createRepeatableEditor({ field, items, language, localize, neededSubFields: mark?.itemFields ?? [], onInput });
      editors.set(field.key, editor);
      elements.set(
        field.key,
        h('div', { class: 'gk-row gk-row-wide' }, [
          opts.labelRepeatable ? h('span', { class: 'gk-label', text: field.label[language] }) : null,
          shownMark ? h('span', { class: shownMark.urgent ? 'gk-mark gk-mark-urgent' : 'gk-mark', text: shownMark.text }) : null,
          editor.el,
        ]),
      );
    } else {
      const draft = draftFromValue(field, opts.stored[field.key]) as ValueDraft;
      const row = createFieldRow({ field, draft, language, mark: shownMark, onInput });
      editors.set(field.key, row);
      elements.set(field.key, row.el);
    }
  }
  return {
    elements,
    drafts: () => Object.fromEntries([...editors].map(([key, editor]) => [key, editor.read()])),
    rows: () => new Map([...editors].flatMap(([key, editor]) => ('rows' in editor ? [...editor.rows()] : [[key, editor] as const]))),
  };
}
