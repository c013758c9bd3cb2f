import type { Localize } from '../i18n/localize';
import { h } from '../ui/h';

export type GroupSection = { el: HTMLElement; update(counts: { filled: number; total: number; needed: number }): void };

/**
 * One group of the card-back form as a section that opens and closes. Trello caps a card-back
 * section at 1500 px and the whole form is about twice that on a phone, so only the groups that
 * hold what the next stage needs start open; the others show how much of them is filled.
 */
export function createGroupSection(opts: { title: string; body: HTMLElement[]; open: boolean; localize: Localize }): GroupSection {
  const filled = h('span', { class: 'gk-group-count' });
  const needed = h('span', { class: 'gk-mark gk-mark-urgent' });
  const el = h('details', { class: 'gk-section', attrs: { open: opts.open } }, [
    h('summary', { class: 'gk-section-summary' }, [h('span', { class: 'gk-section-title', text: opts.title }), needed, filled]),
    h('div', { class: 'gk-group' }, opts.body),
  ]);
  return {
    el,
    update(counts) {
      filled.textContent = opts.localize.text('form-group-filled', { filled: counts.filled, total: counts.total });
      const { localize } = opts;
      needed.textContent =
        counts.needed > 0 ? localize.message({ key: 'form-group-needed', data: { count: counts.needed }, count: counts.needed }) : '';
      needed.hidden = counts.needed === 0;
    },
  };
}
