import { PERIODS, type PeriodKey } from '../model/report-period';
import { h } from '../ui/h';
import type { ViewContext } from './view-context';

const LABEL_KEYS: Record<PeriodKey, string> = {
  'this-month': 'report-period-this-month',
  'last-month': 'report-period-last-month',
  '90-days': 'report-period-90-days',
  '12-months': 'report-period-12-months',
};

export function periodLabel(ctx: Pick<ViewContext, 'localize'>, key: PeriodKey): string {
  return ctx.localize.text(LABEL_KEYS[key]);
}

/** The period buttons: one pressed at a time (aria-pressed), wrapping onto two lines on a phone. */
export function periodSelect(ctx: ViewContext, current: PeriodKey, onPick: (key: PeriodKey) => void): HTMLElement {
  return h('div', { class: 'gk-periods', attrs: { role: 'group', 'aria-label': ctx.localize.text('report-period') } },
    PERIODS.map((key) =>
      h('button', {
        class: 'gk-period',
        text: periodLabel(ctx, key),
        attrs: { type: 'button', 'aria-pressed': key === current ? 'true' : 'false', 'data-period': key },
        on: { click: () => key !== current && onPick(key) },
      }),
    ),
  );
}
