import type { FieldDef } from '../../rules';
import type { Localize } from '../i18n/localize';
import type { PowerUpRules } from '../model/api-contract';
import { checkForm, type FormCheck } from '../model/check-form';
import type { NeededMark } from '../model/needed-marks';
import { findField } from '../model/rules-runtime';
import { planStationSave, type SavePlan } from '../model/station-save';
import { h } from '../ui/h';
import { createFieldEditors } from './field-editors';
import { createFormSections } from './form-sections';
import { saveStatusText } from './save-status-text';

export type SaveOutcome = { ok: true; station: Record<string, unknown> } | { ok: false; message: string };

export type StationFormOptions = {
  config: PowerUpRules;
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
  let stored = opts.stored;
  let dirty = false;
  let saving = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const onInput = () => {
    dirty = true;
    refresh(false);
    clearTimeout(timer);
    timer = setTimeout(() => refresh(true), ERROR_DELAY_MS);
  };
  const editors = createFieldEditors({ ...opts, fields, labelRepeatable: !opts.grouped, onInput });
  const sections = createFormSections({ ...opts, fields, elements: editors.elements });
  const status = h('p', { class: 'gk-status', attrs: { role: 'status' } });
  const saveButton = h('button', { class: 'gk-button gk-button-primary', text: localize.text('form-save'), attrs: { type: 'submit' } });
  const setStatus = (text: string, kind: 'info' | 'error' | 'success') => {
    status.textContent = text;
    status.className = `gk-status gk-status-${kind}`;
  };

  function refresh(showErrors: boolean): { check: FormCheck; plan: SavePlan } {
    const check = checkForm(fields, editors.drafts(), stored);
    if (showErrors) {
      for (const [path, row] of editors.rows()) row.setError(check.errors[path]?.[language]);
      sections.openWhereErrors(Object.keys(check.errors));
    }
    sections.update(check.values);
    const plan = planStationSave({ stored, shownKeys, values: check.values, errors: check.errors });
    saveButton.disabled = saving || !dirty || !plan.ok;
    if (!saving) setStatus(saveStatusText(plan, dirty, localize), plan.ok ? 'info' : 'error');
    return { check, plan };
  }

  const actions = h('div', { class: 'gk-actions' }, [saveButton, status]);
  const form = h('form', { class: 'gk-form', attrs: { novalidate: true } }, [...sections.elements, actions]);
  form.addEventListener('focusout', () => refresh(true));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    const { check, plan } = refresh(true);
    if (!plan.ok || saving) return;
    saving = true;
    saveButton.disabled = true;
    setStatus(localize.text('form-saving'), 'info');
    // Whatever `save` does, the form leaves «saving»: a rejection is shown as a failed save.
    const failed = (err: unknown): SaveOutcome => ({
      ok: false,
      message: localize.text('form-save-failed', { reason: err instanceof Error ? err.message : String(err) }),
    });
    void opts.save(check, shownKeys).catch(failed).then((outcome) => {
      saving = false;
      if (outcome.ok) {
        stored = outcome.station;
        dirty = false;
      }
      refresh(true);
      setStatus(outcome.ok ? localize.text('form-saved') : outcome.message, outcome.ok ? 'success' : 'error');
      if (outcome.ok) opts.onSaved?.(outcome.station);
    });
  });
  refresh(true);
  return { el: form, isDirty: () => dirty };
}
