import type { CardRow } from '../model/summary-model';
import { h } from '../ui/h';
import { cardButton, scrollingTable, section } from './section';
import { daysText, type ViewContext } from './view-context';

/** Overdue now, worst first: the card, its stage, how far past the limit, and who holds it. */
export function overdueView(ctx: ViewContext, rows: CardRow[]): HTMLElement {
  const { localize } = ctx;
  if (rows.length === 0) {
    return section({ id: 'overdue', title: localize.text('report-overdue-title') }, [
      h('p', { class: 'gk-good-note', text: localize.text('report-overdue-none') }),
    ]);
  }
  const lines = rows.map((row) =>
    h('tr', { attrs: { 'data-card-id': row.cardId } }, [
      h('td', {}, [cardButton(row.name, () => ctx.showCard(row.cardId))]),
      h('td', { text: row.stage }),
      h('td', { class: 'gk-num gk-danger-text', text: `+${daysText(ctx, row.overdueDays)}` }),
      h('td', { text: row.holders ?? '—' }),
    ]),
  );
  return section({ id: 'overdue', title: localize.text('report-overdue-title'), lead: localize.text('report-overdue-lead', { count: rows.length }) }, [
    scrollingTable(
      [localize.text('report-col-card'), localize.text('report-col-stage'), localize.text('report-col-over'), localize.text('report-col-holder')],
      lines,
    ),
  ]);
}
