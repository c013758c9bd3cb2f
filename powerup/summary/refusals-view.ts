import type { MemberRefusals, RefusalRow } from '../model/summary-model';
import { h } from '../ui/h';
import { section } from './section';
import type { ViewContext } from './view-context';

/** What stops cards most often in the period; by person only for the rules' viewers. */
export function refusalsView(ctx: ViewContext, total: number, reasons: RefusalRow[], byMember: MemberRefusals[] | null): HTMLElement {
  const { localize } = ctx;
  if (total === 0) {
    return section({ id: 'refusals', title: localize.text('report-refusals-title') }, [
      h('p', { class: 'gk-good-note', text: localize.text('report-refusals-none') }),
    ]);
  }
  const reasonItems = reasons.map((r) =>
    h('li', { class: 'gk-count-row' }, [
      h('div', { class: 'gk-count-text' }, [h('span', { text: r.text }), h('span', { class: 'gk-muted', text: ` · ${r.stage}` })]),
      h('span', { class: 'gk-count-bar', attrs: { 'aria-hidden': 'true', style: `--share:${r.share.toFixed(3)}` } }),
      h('span', { class: 'gk-count', text: String(r.count) }),
    ]),
  );
  const most = Math.max(1, ...(byMember ?? []).map((m) => m.count));
  return section({ id: 'refusals', title: localize.text('report-refusals-title'), lead: localize.text('report-refusals-lead', { count: total }) }, [
    h('ol', { class: 'gk-counts', attrs: { 'data-testid': 'refusal-reasons' } }, reasonItems),
    byMember && byMember.length > 0
      ? h('div', { class: 'gk-by-member', attrs: { 'data-testid': 'refusals-by-member' } }, [
          h('h3', { class: 'gk-subtitle', text: localize.text('report-refusals-by-member') }),
          h('ol', { class: 'gk-counts' }, byMember.map((m) =>
            h('li', { class: 'gk-count-row' }, [
              h('div', { class: 'gk-count-text', text: m.name }),
              h('span', { class: 'gk-count-bar', attrs: { 'aria-hidden': 'true', style: `--share:${(m.count / most).toFixed(3)}` } }),
              h('span', { class: 'gk-count', text: String(m.count) }),
            ]),
          )),
        ])
      : null,
  ]);
}
