import type { Localize } from '../i18n/localize';
import type { SavePlan } from '../model/station-save';

/** The line beside the save button: why it is off, or nothing. */
export function saveStatusText(plan: SavePlan, dirty: boolean, localize: Localize): string {
  if (plan.ok) return dirty ? localize.text('form-unsaved') : '';
  if (plan.reason === 'invalid') {
    return localize.message({ key: 'form-fix-errors', data: { count: plan.paths.length }, count: plan.paths.length });
  }
  return localize.text('form-too-large', { size: plan.size, limit: plan.limit });
}
