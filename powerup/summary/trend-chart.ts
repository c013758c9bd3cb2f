import uPlot from 'uplot';
import { monthLabel } from '../model/report-format';
import type { HeadlineModel } from '../model/summary-model';
import { h } from '../ui/h';
import type { ViewContext } from './view-context';

const HEIGHT = 220;

/**
 * The twelve months of the headline span: the median (and the slow 85th percentile, dashed) of what
 * completed each month, in working days. uPlot draws on a canvas, so the figures also go into a
 * visually hidden table for screen readers and tests.
 */
export function trendChart(ctx: ViewContext, trend: HeadlineModel['trend']): HTMLElement {
  const labels = trend.months.map((m) => monthLabel(m, ctx.locale, true));
  const plot = h('div', { class: 'gk-trend-plot', attrs: { role: 'img', 'aria-label': ctx.localize.text('report-trend-title') } });
  const box = h('div', { class: 'gk-trend' }, [plot, trendTable(ctx, trend)]);
  const xs = trend.months.map((_, i) => i);
  const data: uPlot.AlignedData = [xs, trend.median, trend.p85];
  let chart: uPlot | undefined;
  const draw = (width: number) => {
    if (width <= 0) return;
    if (chart) return chart.setSize({ width, height: HEIGHT });
    chart = new uPlot(
      {
        width,
        height: HEIGHT,
        legend: { live: false },
        cursor: { drag: { x: false, y: false }, points: { size: 8 } },
        scales: { x: { time: false, range: [-0.5, xs.length - 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(5, Math.ceil((max ?? 0) * 1.15))] } },
        axes: [
          { incrs: [1, 2, 3, 6], space: 44, values: (_u, splits) => splits.map((i) => labels[i] ?? ''), grid: { show: false } },
          { size: 44, values: (_u, splits) => splits.map((v) => new Intl.NumberFormat(ctx.locale).format(v)), grid: { stroke: '#e4e6ea' } },
        ],
        series: [
          { label: ctx.localize.text('report-trend-month') },
          { label: ctx.localize.text('report-trend-median'), stroke: '#0c66e4', width: 2.5, points: { show: true, size: 7, fill: '#0c66e4' } },
          { label: ctx.localize.text('report-trend-p85'), stroke: '#8590a2', width: 1.5, dash: [6, 4], points: { show: true, size: 5 } },
        ],
      },
      data,
      plot,
    );
  };
  // The width is known only once the page has laid out: draw then, and again on resize.
  new ResizeObserver((entries) => draw(Math.floor(entries[0]?.contentRect.width ?? 0))).observe(plot);
  return box;
}

function trendTable(ctx: ViewContext, trend: HeadlineModel['trend']): HTMLElement {
  const cell = (value: number | null) => (value === null ? '—' : new Intl.NumberFormat(ctx.locale, { maximumFractionDigits: 1 }).format(value));
  return h('table', { class: 'gk-visually-hidden', attrs: { 'data-testid': 'trend-table' } }, [
    h('caption', { text: ctx.localize.text('report-trend-title') }),
    h('thead', {}, [
      h('tr', {}, [
        h('th', { text: ctx.localize.text('report-trend-month') }),
        h('th', { text: ctx.localize.text('report-trend-median') }),
        h('th', { text: ctx.localize.text('report-trend-p85') }),
        h('th', { text: ctx.localize.text('report-trend-count') }),
      ]),
    ]),
    h('tbody', {}, trend.months.map((month, i) =>
      h('tr', {}, [
        h('td', { text: monthLabel(month, ctx.locale) }),
        h('td', { text: cell(trend.median[i] ?? null) }),
        h('td', { text: cell(trend.p85[i] ?? null) }),
        h('td', { text: String(trend.counts[i] ?? 0) }),
      ]),
    )),
  ]);
}
