import type { Localize } from '../i18n/localize';
import { readinessFor } from '../model/readiness';
import { readinessBadge } from '../model/readiness-badge';
import type { CardView } from '../data/load-card-view';
import { h } from './h';

/**
 * The line at the top of the card back: «Готово к «Подключение»», or what the next stage still
 * lacks with the reasons under a toggle (checklists included, which the form has no field for).
 */
export function readinessSummary(view: CardView, localize: Localize): HTMLElement | null {
  const badge = readinessBadge(readinessFor(view.config, view.listName, view.card), view.movers);
  if (!badge) return null;
  const chip = h('span', { class: `gk-chip gk-chip-${badge.color ?? 'none'}`, text: localize.message(badge.text) });
  const failures = badge.failures ?? [];
  if (failures.length === 0) return h('div', { class: 'gk-summary' }, [chip]);
  return h('details', { class: 'gk-summary' }, [
    h('summary', {}, [chip, h('span', { class: 'gk-summary-more', text: localize.text('summary-show-reasons') })]),
    h('ul', { class: 'gk-reasons' }, failures.map((f) => h('li', { text: f[view.language] }))),
  ]);
}
