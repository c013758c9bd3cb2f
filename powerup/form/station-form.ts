import type { FieldDef, ProcessConfig } from '../../rules';
import type { Localize } from '../i18n/localize';
import { checkForm, type FormCheck } from '../model/check-form';
import type { NeededMark } from '../model/needed-marks';
import { findField } from '../model/rules-runtime';
import { draftFromValue, type Draft, type ItemDraft, type ValueDraft } from '../model/station-draft';
import { planStationSave, type SavePlan } from '../model/station-save';
import { h } from '../ui/h';
import { createFieldRow, type FieldRow } from './field-row';
import { groupFields } from './group-fields';
import { markText } from './mark-text';
import { createRepeatableEditor, type RepeatableEditor } from './repeatable-editor';
import { saveStatusText } from './save-status-text';

export type SaveOutcome = { ok: true; station: Record<string, unknown> } | { ok: false; message: string };

export type StationFormOptions = {
  config: ProcessConfig;
  /** The fields to show, in order: all of them on the card back, the missing ones in the popup. */
  keys: readonly string[];
  /** Sections by the config's groups (card back), or one flat list (popup). */
  grouped: boolean;
  stored: Record<string, unknown>;
  marks: Record<string, NeededMark>;
  language: 'ru' | 'en';
  localize: Localize;
  save(check: FormCheck, shownKeys: readonly string[]): Promise<SaveOutcome>;
  onSaved?(station: Record<string, unknown>): void;
};

/** Errors appear after a pause in typing, or when the field is left, not at every keystroke. */
const ERROR_DELAY_MS = 400;

/**
 * The station form, generated from the rules config: typed inputs, the rules validators as you
 * type, «нужно для …» marks, and a save button that stays off while anything is wrong.
 */
export function createStationForm(opts: StationFormOptions): { el: HTMLFormElement; isDirty(): boolean } {
  const { language, localize } = opts;
  const fields = opts.keys.map((key) => findField(opts.config, key)).filter((f): f is FieldDef => f !== undefined);
  const shownKeys = fields.map((f) => f.key);
  const editors = new Map<string, FieldRow | RepeatableEditor>();
  let stored = opts.stored;
  let dirty = false;
  let saving = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const status = h('p', { class: 'gk-status', attrs: { role: 'status' } });
  const saveButton = h('button', { class: 'gk-button gk-button-primary', text: localize.text('form-save'), attrs: { type: 'submit' } });
  const onInput = () => {
    dirty = true;
    refresh(false);
    clearTimeout(timer);
    timer = setTimeout(() => refresh(true), ERROR_DELAY_MS);
  };
  const editorFor = (field: FieldDef): HTMLElement => {
    const mark = opts.marks[field.key];
    if (field.type === 'repeatable') {
      const items = draftFromValue(field, stored[field.key]) as ItemDraft[];
      const editor = createRepeatableEditor({ field, items, language, localize, neededSubFields: mark?.itemFields ?? [], onInput });
      editors.set(field.key, editor);
      const label = opts.grouped ? null : h('span', { class: 'gk-label', text: field.label[language] });
      const markEl = mark ? h('span', { class: mark.missing ? 'gk-mark gk-mark-urgent' : 'gk-mark', text: markText(opts.config, mark, language, localize) }) : null;
      return h('div', { class: 'gk-row gk-row-wide' }, [label, markEl, editor.el]);
    }
    const draft = draftFromValue(field, stored[field.key]) as ValueDraft;
    const rowMark = mark ? { text: markText(opts.config, mark, language, localize), urgent: mark.missing } : undefined;
    const row = createFieldRow({ field, draft, language, mark: rowMark, onInput });
    editors.set(field.key, row);
    return row.el;
  };

  const drafts = (): Record<string, Draft> => Object.fromEntries([...editors].map(([key, editor]) => [key, editor.read()]));
  const rows = (): Map<string, FieldRow> =>
    new Map([...editors].flatMap(([key, editor]) => ('rows' in editor ? [...editor.rows()] : [[key, editor] as const])));

  function refresh(showErrors: boolean): { check: FormCheck; plan: SavePlan } {
    const check = checkForm(fields, drafts(), stored);
    if (showErrors) for (const [path, row] of rows()) row.setError(check.errors[path]?.[language]);
    const plan = planStationSave({ stored, shownKeys, values: check.values, errors: check.errors });
    saveButton.disabled = saving || !dirty || !plan.ok;
    if (!saving) setStatus(saveStatusText(plan, dirty, localize), plan.ok ? 'info' : 'error');
    return { check, plan };
  }
  const setStatus = (text: string, kind: 'info' | 'error' | 'success') => {
    status.textContent = text;
    status.className = `gk-status gk-status-${kind}`;
  };

  const form = h('form', { class: 'gk-form', attrs: { novalidate: true } }, [
    ...groupFields(opts.config, fields, opts.grouped, language).map(({ title, fields: inGroup }) =>
      title === null ? h('div', { class: 'gk-group' }, inGroup.map(editorFor)) : h('fieldset', { class: 'gk-group' }, [h('legend', { class: 'gk-group-title', text: title }), ...inGroup.map(editorFor)]),
    ),
    h('div', { class: 'gk-actions' }, [saveButton, status]),
  ]);
  form.addEventListener('focusout', () => refresh(true));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    const { check, plan } = refresh(true);
    if (!plan.ok || saving) return;
    saving = true;
    saveButton.disabled = true;
    setStatus(localize.text('form-saving'), 'info');
    void opts.save(check, shownKeys).then((outcome) => {
      saving = false;
      if (outcome.ok) {
        stored = outcome.station;
        dirty = false;
        refresh(true);
        setStatus(localize.text('form-saved'), 'success');
        opts.onSaved?.(outcome.station);
      } else {
        refresh(true);
        setStatus(outcome.message, 'error');
      }
    });
  });
  refresh(true);
  return { el: form, isDirty: () => dirty };
}
