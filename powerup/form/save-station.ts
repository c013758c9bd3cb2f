import type { HostHandlers } from 'trellopowerup/lib/hosthandlers';
import type { Localize } from '../i18n/localize';
import type { FormCheck } from '../model/check-form';
import { readStation } from '../model/rules-runtime';
import { planStationSave } from '../model/station-save';
import { saveStatusText } from './save-status-text';
import type { SaveOutcome } from './station-form';

/**
 * Stores the form with `t.set('card', 'shared', 'station', …)`, the contract the server reads
 * (docs/powerup.md). The station is read again just before, so fields someone else saved meanwhile in
 * fields this form does not show survive.
 */
export async function saveStation(
  t: HostHandlers,
  localize: Localize,
  check: FormCheck,
  shownKeys: readonly string[],
): Promise<SaveOutcome> {
  if (!t.memberCanWriteToModel('card')) return { ok: false, message: localize.text('form-read-only') };
  try {
    // The read is inside too: Trello answering it with an error is a failed save, not a stuck form.
    const stored = await t.get<unknown>('card', 'shared', 'station', {});
    const plan = planStationSave({ stored: readStation(stored), shownKeys, values: check.values, errors: check.errors });
    if (!plan.ok) return { ok: false, message: saveStatusText(plan, true, localize) };
    await t.set('card', 'shared', 'station', plan.station);
    return { ok: true, station: plan.station };
  } catch (err) {
    return { ok: false, message: localize.text('form-save-failed', { reason: err instanceof Error ? err.message : String(err) }) };
  }
}
