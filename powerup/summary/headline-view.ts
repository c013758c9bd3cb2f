import { message } from '../i18n/message';
import { monthLabel } from '../model/report-format';
import type { HeadlineModel } from '../model/summary-model';
import { h } from '../ui/h';
import { section } from './section';
import { trendChart } from './trend-chart';
import { numberText, type ViewContext } from './view-context';

/** The first thing the director reads: how long an onboarding takes now, against last month, over a year. */
export function headlineView(ctx: ViewContext, model: HeadlineModel, periodLabel: string): HTMLElement {
  const { localize } = ctx;
  if (model.noCompletions) {
    return section({ id: 'headline', title: localize.text('report-headline-title', { span: model.label }) }, [
      h('p', { class: 'gk-empty-note', text: localize.text('report-empty-headline', { span: model.label }) }),
    ]);
  }
  const kpi = (label: string, value: number | null, count: number, testId: string) =>
    h('div', { class: 'gk-kpi', attrs: { 'data-testid': testId } }, [
      h('span', { class: 'gk-kpi-label', text: label }),
      h('span', { class: 'gk-kpi-value', text: numberText(ctx, value, true) }),
      h('span', { class: 'gk-kpi-note', text: `${localize.text('report-unit-days')} · ${localize.message(message('report-onboardings', { count }, count))}` }),
    ]);
  return section(
    {
      id: 'headline',
      title: localize.text('report-headline-title', { span: model.label }),
      lead: localize.text('report-headline-lead'),
    },
    [
      h('div', { class: 'gk-kpis' }, [
        kpi(localize.text('report-this-month', { month: monthLabel(model.thisMonth.month, ctx.locale) }), model.thisMonth.median, model.thisMonth.count, 'kpi-this-month'),
        kpi(localize.text('report-last-month', { month: monthLabel(model.lastMonth.month, ctx.locale) }), model.lastMonth.median, model.lastMonth.count, 'kpi-last-month'),
        kpi(localize.text('report-in-period', { period: periodLabel }), model.periodMedian, model.periodCount, 'kpi-period'),
      ]),
      changeLine(ctx, model.change),
      trendChart(ctx, model.trend),
    ],
  );
}

function changeLine(ctx: ViewContext, change: number | null): HTMLElement | null {
  if (change === null) return null;
  if (Math.abs(change) < 0.05) return h('p', { class: 'gk-change', text: ctx.localize.text('report-change-same') });
  const faster = change < 0;
  return h('p', {
    class: `gk-change ${faster ? 'gk-change-better' : 'gk-change-worse'}`,
    text: ctx.localize.text(faster ? 'report-change-faster' : 'report-change-slower', { days: Math.abs(change) }),
  });
}
