import { ApiError, type ApiClient } from '../data/api-client';
import type { VaultAccessView } from '../model/api-contract';
import { accessLine, problemText, type AccessLine } from '../model/vault-model';
import { h } from '../ui/h';
import { cardButton, labelCells, scrollingTable, section } from './section';
import type { ViewContext } from './view-context';

const PAGE_SIZE = 25;

export type VaultLogView = {
  el: HTMLElement;
  /** The board keeps no vault (404), or this member may not read its log (403): nothing to draw. */
  gone(): boolean;
};

/**
 * «Доступы: журнал» — who showed, copied, changed or sent which card's credentials, over the whole
 * board, newest first, a page at a time. Hidden until the log answers; for good when it answers
 * 403 (no `audit` right) or 404 (the rules keep no vault); any other failure says so, with a retry.
 * The lines are the card back's (vault-model's `accessLine`), with the card they belong to.
 */
export function vaultLogView(
  ctx: ViewContext,
  opts: { api: ApiClient; boardId: string; cardName: (cardId: string) => string | null },
): VaultLogView {
  const { localize } = ctx;
  const headers = [localize.text('report-col-when'), localize.text('report-col-who'), localize.text('report-col-what'), localize.text('report-col-card')];
  const body = h('tbody');
  const table = scrollingTable(headers, body);
  const status = h('p', { class: 'gk-status', attrs: { role: 'status' } });
  const more = h('button', { class: 'gk-button', text: localize.text('report-log-more'), attrs: { type: 'button', hidden: true } });
  const retry = h('button', { class: 'gk-button', text: localize.text('report-retry'), attrs: { type: 'button', hidden: true } });
  const el = section({ id: 'vault-access', title: localize.text('report-vault-title'), lead: localize.text('report-vault-lead'), wide: true }, [
    table,
    h('div', { class: 'gk-log-foot' }, [status, more, retry]),
  ]);
  el.hidden = true;
  table.hidden = true;
  let cursor: string | null = null;
  let gone = false;
  // Cards deleted in Trello, by the name their `card-deleted` line kept: their earlier lines are named too.
  const deleted = new Map<string, string>();

  const load = async (append: boolean) => {
    more.disabled = true;
    retry.hidden = true;
    status.className = 'gk-status';
    status.textContent = localize.text('report-loading');
    try {
      const page = await opts.api.vaultBoardAccess(opts.boardId, append && cursor ? cursor : undefined, PAGE_SIZE);
      for (const entry of page.entries) if (entry.action === 'card-deleted') deleted.set(entry.cardId, entry.cardName ?? entry.cardId);
      const rows = page.entries.map((entry) => labelCells(accessRow(ctx, entry, opts.cardName(entry.cardId), deleted.get(entry.cardId)), headers));
      if (append) body.append(...rows);
      else body.replaceChildren(...rows);
      cursor = page.next;
      more.hidden = cursor === null;
      table.hidden = body.childElementCount === 0;
      status.textContent = body.childElementCount > 0 ? '' : localize.text('report-vault-none');
      el.hidden = false;
    } catch (err) {
      if (err instanceof ApiError && (err.status === 403 || err.status === 404)) {
        gone = true;
        el.remove();
        return;
      }
      status.className = 'gk-status gk-status-error';
      status.textContent = localize.text('vault-log-failed', { reason: localize.message(problemText(err)) });
      // «Показать ещё» asks for the page that failed again; a failed first page needs its own retry.
      retry.hidden = !more.hidden;
      el.hidden = false;
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener('click', () => void load(true));
  retry.addEventListener('click', () => void load(false));
  void load(false);
  return { el, gone: () => gone };
}

/** `deletedName`: the card was deleted in Trello, so there is no card to open, only its name. */
function accessRow(ctx: ViewContext, entry: VaultAccessView, cardName: string | null, deletedName: string | undefined): HTMLTableRowElement {
  const line: AccessLine = accessLine(entry, ctx.timeZone);
  const { localize } = ctx;
  const name = cardName ?? deletedName ?? entry.cardId;
  // «показ пароля «Icecast source»», «отправка клиенту (2 доступа) → tech@…», «Клиент открыл ссылку
  // для tech@… (2 доступа)»: the card back's words, in one block (a phone's stacked cell is a flex row).
  return h('tr', { attrs: { 'data-access': line.id, 'data-card-id': entry.cardId, 'data-action': entry.action } }, [
    h('td', { class: 'gk-nowrap' }, [h('time', { text: line.when, attrs: { datetime: line.at } })]),
    h('td', { text: line.who ?? '—' }),
    h('td', {}, [
      h('span', {}, [
        localize.message(line.action),
        ' ',
        localize.message(line.what),
        line.recipient ? ` → ${line.recipient}` : null,
      ]),
    ]),
    h('td', {}, [cardName === null && deletedName !== undefined ? h('span', { text: name }) : cardButton(name, () => ctx.showCard(entry.cardId))]),
  ]);
}
