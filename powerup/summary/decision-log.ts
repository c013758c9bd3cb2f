import type { DecisionRecord, Verdict } from '../../rules/reports/report-types';
import type { ApiClient, DecisionsQuery } from '../data/api-client';
import { decisionRow, type DecisionRow } from '../model/summary-model';
import { h, uniqueId } from '../ui/h';
import { cardButton, labelCells, scrollingTable, section } from './section';
import type { ViewContext } from './view-context';

const PAGE_SIZE = 25;
const VERDICTS: Verdict[] = ['reverted', 'accepted', 'ignored'];
const VERDICT_KEYS: Record<Verdict, string> = {
  accepted: 'report-verdict-accepted',
  reverted: 'report-verdict-reverted',
  ignored: 'report-verdict-ignored',
};

/**
 * The decision log, newest first: filters (verdict, stage, and member for the rules' viewers only)
 * and «Показать ещё», which pages on by the server's cursor.
 */
export function decisionLog(
  ctx: ViewContext,
  opts: { api: ApiClient; boardId: string; stages: string[]; members: { username: string; name: string }[] | null },
): HTMLElement {
  const { localize } = ctx;
  const query: DecisionsQuery = { limit: PAGE_SIZE };
  const headers = [
    localize.text('report-col-when'),
    localize.text('report-col-card'),
    localize.text('report-col-who'),
    localize.text('report-col-move'),
    localize.text('report-log-verdict'),
  ];
  const body = h('tbody');
  const status = h('p', { class: 'gk-status', attrs: { role: 'status' } });
  const table = scrollingTable(headers, body);
  const more = h('button', { class: 'gk-button', text: localize.text('report-log-more'), attrs: { type: 'button', hidden: true } });
  let cursor: string | null = null;
  let generation = 0;

  const load = async (append: boolean) => {
    const mine = ++generation;
    more.disabled = true;
    status.className = 'gk-status';
    status.textContent = localize.text('report-loading');
    try {
      const page = await opts.api.decisions(opts.boardId, { ...query, ...(append && cursor ? { cursor } : {}) });
      // A filter changed while this page was on its way: its rows belong to the old filter.
      if (mine !== generation) return;
      const rows = page.decisions.map((d: DecisionRecord) => labelCells(logRow(ctx, decisionRow(d, ctx.language, ctx.timeZone)), headers));
      if (append) body.append(...rows);
      else body.replaceChildren(...rows);
      cursor = page.nextCursor;
      more.hidden = cursor === null;
      const filtered = query.verdict !== undefined || query.stage !== undefined || query.member !== undefined;
      table.hidden = body.childElementCount === 0;
      status.textContent = body.childElementCount > 0 ? '' : filtered ? localize.text('report-log-empty') : localize.text('report-log-none');
    } catch (err) {
      if (mine !== generation) return;
      status.className = 'gk-status gk-status-error';
      status.textContent = localize.text('report-log-failed', { reason: err instanceof Error ? err.message : String(err) });
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener('click', () => void load(true));

  const filter = (label: string, name: keyof DecisionsQuery, options: { value: string; text: string }[]) => {
    const id = uniqueId('gk-log-filter');
    const select = h('select', { class: 'gk-input gk-select', attrs: { id, name } }, [
      h('option', { text: localize.text('report-log-all'), attrs: { value: '' } }),
      ...options.map((o) => h('option', { text: o.text, attrs: { value: o.value } })),
    ]);
    select.addEventListener('change', () => {
      (query as Record<string, unknown>)[name] = select.value || undefined;
      cursor = null;
      void load(false);
    });
    return h('div', { class: 'gk-filter' }, [h('label', { class: 'gk-filter-label', text: label, attrs: { for: id } }), select]);
  };

  const filters = h('div', { class: 'gk-filters' }, [
    filter(localize.text('report-log-verdict'), 'verdict', VERDICTS.map((v) => ({ value: v, text: localize.text(VERDICT_KEYS[v]) }))),
    filter(localize.text('report-col-stage'), 'stage', opts.stages.map((s) => ({ value: s, text: s }))),
    opts.members ? filter(localize.text('report-log-member'), 'member', opts.members.map((m) => ({ value: m.username, text: m.name }))) : null,
  ]);
  void load(false);
  return section({ id: 'decisions', title: localize.text('report-log-title'), lead: localize.text('report-log-lead'), wide: true }, [
    filters,
    table,
    h('div', { class: 'gk-log-foot' }, [status, more]),
  ]);
}

function logRow(ctx: ViewContext, row: DecisionRow): HTMLTableRowElement {
  const { localize } = ctx;
  const move = row.from ? `${row.from} → ${row.to}` : `→ ${row.to}`;
  return h('tr', { attrs: { 'data-decision': row.id, 'data-verdict': row.verdict } }, [
    h('td', { class: 'gk-nowrap', text: row.when }),
    h('td', {}, [cardButton(row.card, () => ctx.showCard(row.cardId))]),
    h('td', { text: row.mover }),
    h('td', { text: move }),
    h('td', {}, [
      h('div', {}, [
        h('span', { class: `gk-verdict gk-verdict-${row.verdict}`, text: localize.text(VERDICT_KEYS[row.verdict]) }),
        row.dryRun ? h('span', { class: 'gk-muted', text: ` ${localize.text('report-log-dry-run')}` }) : null,
        // Which rules judged it: a refusal under rules since changed reads differently.
        row.rulesVersion !== null ? h('span', { class: 'gk-muted gk-log-rules', text: ` · ${localize.text('report-log-rules-version', { version: String(row.rulesVersion) })}` }) : null,
        row.reasons.length > 0 ? h('ul', { class: 'gk-log-reasons' }, row.reasons.map((text) => h('li', { text }))) : null,
      ]),
    ]),
  ]);
}
