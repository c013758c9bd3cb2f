import type { BoardSummary } from '../../rules/reports/report-types';
import type { ApiClient } from '../data/api-client';
import { formatDate } from '../model/report-format';
import { DEFAULT_PERIOD, periodRange, type PeriodKey } from '../model/report-period';
import {
  headlineModel,
  memberOptions,
  memberRefusals,
  overdueRows,
  pipelineModel,
  refusalRows,
  stageOptions,
  stageTimeRows,
} from '../model/summary-model';
import { h } from '../ui/h';
import { decisionLog } from './decision-log';
import { exportsView } from './exports-view';
import { headlineView } from './headline-view';
import { overdueView } from './overdue-view';
import { periodLabel, periodSelect } from './period-select';
import { pipelineView } from './pipeline-view';
import { refusalsView } from './refusals-view';
import { stageTimesView } from './stage-times-view';
import { vaultLogView, type VaultLogView } from './vault-log-view';
import type { ViewContext } from './view-context';

/**
 * The «Сводка» page: loads the board's summary for the chosen period and draws it. The decision
 * log and the credentials' access log are drawn once (their filters and pages survive a change of
 * period: they have no period).
 */
export function startSummaryPage(opts: {
  root: HTMLElement;
  api: ApiClient;
  boardId: string;
  ctx: Omit<ViewContext, 'timeZone'>;
  now?: () => Date;
}): void {
  const { root, api, boardId } = opts;
  const now = opts.now ?? (() => new Date());
  const base = opts.ctx;
  let period: PeriodKey = DEFAULT_PERIOD;
  let timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  let log: HTMLElement | undefined;
  let vaultLog: VaultLogView | undefined;
  /** The board's cards by id, from the latest summary: the access log names its cards with them. */
  let cardNames = new Map<string, string>();
  let generation = 0;

  const load = async () => {
    const mine = ++generation;
    const shown = root.querySelector('.gk-report');
    if (shown) shown.setAttribute('aria-busy', 'true');
    else root.replaceChildren(h('p', { class: 'gk-loading', text: base.localize.text('report-loading-summary'), attrs: { role: 'status' } }));
    try {
      const summary = await api.summary(boardId, periodRange(period, now(), timeZone));
      if (mine !== generation) return;
      timeZone = summary.timeZone;
      draw(summary);
    } catch (err) {
      if (mine !== generation) return;
      failed(err);
    }
  };

  const draw = (summary: BoardSummary) => {
    const ctx: ViewContext = { ...base, timeZone: summary.timeZone };
    const { localize, language } = ctx;
    cardNames = new Map(summary.pipeline.flatMap((stage) => stage.cards.map((card): [string, string] => [card.cardId, card.name])));
    log ??= decisionLog(ctx, {
      api,
      boardId,
      stages: stageOptions(summary),
      members: summary.viewer.seesPeople ? memberOptions(summary) : null,
    });
    vaultLog ??= vaultLogView(ctx, { api, boardId, cardName: (cardId) => cardNames.get(cardId) ?? null });
    const label = periodLabel(ctx, period);
    // `to` is exclusive: the last day shown is the one before it.
    const lastDay = new Date(new Date(summary.period.to).getTime() - 1).toISOString();
    const range = `${formatDate(summary.period.from, summary.timeZone)} — ${formatDate(lastDay, summary.timeZone)}`;
    root.replaceChildren(
      h('main', { class: 'gk-report' }, [
        h('header', { class: 'gk-report-bar' }, [
          h('div', { class: 'gk-report-when' }, [
            periodSelect(ctx, period, (key) => {
              period = key;
              void load();
            }),
            h('p', { class: 'gk-report-range', text: localize.text('report-range', { range }), attrs: { 'data-testid': 'period-range' } }),
          ]),
          summary.viewer.canExport ? exportsView(ctx, api, boardId) : null,
        ]),
        headlineView(ctx, headlineModel(summary, language), label),
        pipelineView(ctx, pipelineModel(summary)),
        h('div', { class: 'gk-report-grid' }, [overdueView(ctx, overdueRows(summary)), stageTimesView(ctx, stageTimeRows(summary))]),
        refusalsView(ctx, summary.refusals.total, refusalRows(summary, language), memberRefusals(summary)),
        log,
        vaultLog.gone() ? null : vaultLog.el,
      ]),
    );
  };

  const failed = (err: unknown) => {
    const reason = err instanceof Error ? err.message : String(err);
    const retry = h('button', { class: 'gk-button gk-button-primary', text: base.localize.text('report-retry'), attrs: { type: 'button' } });
    retry.addEventListener('click', () => void load());
    root.replaceChildren(
      h('div', { class: 'gk-report-error', attrs: { role: 'alert' } }, [
        h('p', { class: 'gk-status gk-status-error', text: base.localize.text('report-load-failed', { reason }) }),
        retry,
      ]),
    );
  };

  void load();
}
