import type { StageTimeRow } from '../model/summary-model';
import { h } from '../ui/h';
import { section } from './section';
import { daysText, type ViewContext } from './view-context';

/**
 * Time per stage in what completed in the period: the median bar, the 85th percentile behind it
 * (the slow tail), and the stage's limit as a line across. A table, so it reads without the bars.
 */
export function stageTimesView(ctx: ViewContext, rows: StageTimeRow[]): HTMLElement {
  const { localize } = ctx;
  const measured = rows.filter((row) => row.count > 0);
  const legend = h('p', { class: 'gk-bars-legend' }, [
    h('span', { class: 'gk-key gk-key-median' }), localize.text('report-col-median'),
    h('span', { class: 'gk-key gk-key-p85' }), localize.text('report-col-p85'),
    h('span', { class: 'gk-key gk-key-limit' }), localize.text('report-col-limit'),
  ]);
  return section({ id: 'stage-times', title: localize.text('report-stages-title'), lead: localize.text('report-stages-lead') }, [
    measured.length === 0
      ? h('p', { class: 'gk-empty-note', text: localize.text('report-stages-none') })
      : h('div', {}, [legend, h('ul', { class: 'gk-bars' }, measured.map((row) => barRow(ctx, row)))]),
  ]);
}

function barRow(ctx: ViewContext, row: StageTimeRow): HTMLElement {
  const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
  const figures = `${ctx.localize.text('report-col-median')} ${daysText(ctx, row.median)} · ${ctx.localize.text('report-col-p85')} ${daysText(ctx, row.p85)}`;
  const limit = row.limitDays === null ? ctx.localize.text('report-stage-no-limit') : ctx.localize.text('report-stage-limit', { days: row.limitDays });
  return h('li', { class: `gk-bar-row${row.overLimit ? ' gk-bar-over' : ''}`, attrs: { 'data-stage': row.stage } }, [
    h('div', { class: 'gk-bar-label' }, [h('span', { class: 'gk-bar-stage', text: row.stage }), h('span', { class: 'gk-bar-limit', text: limit })]),
    h('div', { class: 'gk-bar-track', attrs: { 'aria-hidden': 'true' } }, [
      h('span', { class: 'gk-bar gk-bar-p85', attrs: { style: `width:${pct(row.bars.p85)}` } }),
      h('span', { class: 'gk-bar gk-bar-median', attrs: { style: `width:${pct(row.bars.median)}` } }),
      row.bars.limit === null ? null : h('span', { class: 'gk-bar-limit-line', attrs: { style: `left:${pct(row.bars.limit)}` } }),
    ]),
    h('p', { class: 'gk-bar-figures', text: figures }),
  ]);
}
