import { h } from '../ui/h';
import type { DiffRow } from './line-diff';

/** The diff as a table: old and new line numbers, a sign, the line. */
export function diffTable(rows: DiffRow[], foldText: (count: number) => string, caption: string): HTMLElement {
  return h('div', { class: 'gk-diff', attrs: { role: 'table', 'aria-label': caption } }, [
    ...rows.map((row) =>
      row.kind === 'fold'
        ? h('div', { class: 'gk-diff-row gk-diff-fold', attrs: { role: 'row' } }, [h('span', { class: 'gk-diff-fold-text', text: foldText(row.count), attrs: { role: 'cell' } })])
        : h('div', { class: `gk-diff-row gk-diff-${row.kind}`, attrs: { role: 'row', 'data-diff': row.kind } }, [
            h('span', { class: 'gk-diff-no', text: row.oldNo === null ? '' : String(row.oldNo), attrs: { role: 'cell' } }),
            h('span', { class: 'gk-diff-no', text: row.newNo === null ? '' : String(row.newNo), attrs: { role: 'cell' } }),
            h('span', { class: 'gk-diff-sign', text: row.kind === 'added' ? '+' : row.kind === 'removed' ? '−' : ' ', attrs: { role: 'cell', 'aria-hidden': 'true' } }),
            h('span', { class: 'gk-diff-text', text: row.text, attrs: { role: 'cell' } }),
          ]),
    ),
  ]);
}
