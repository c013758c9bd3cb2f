import type { ApiClient, ExportName } from '../data/api-client';
import { h } from '../ui/h';
import type { ViewContext } from './view-context';

const EXPORTS: { name: ExportName; key: string }[] = [
  { name: 'clients.csv', key: 'report-export-clients' },
  { name: 'onboardings.csv', key: 'report-export-onboardings' },
];

/**
 * The CSV exports, for the rules' viewers only. A plain link cannot carry the JWT header, so the
 * file is fetched with it and handed to the browser as a download from an object URL.
 */
export function exportsView(ctx: ViewContext, api: ApiClient, boardId: string): HTMLElement {
  const status = h('p', { class: 'gk-status', attrs: { role: 'status' } });
  const buttons = EXPORTS.map(({ name, key }) => {
    const button = h('button', { class: 'gk-button', text: ctx.localize.text(key), attrs: { type: 'button', 'data-export': name } });
    button.addEventListener('click', () => {
      button.disabled = true;
      status.className = 'gk-status';
      status.textContent = ctx.localize.text('report-export-preparing');
      api
        .exportFile(boardId, name)
        .then((blob) => {
          download(blob, datedName(name));
          status.textContent = '';
        })
        .catch((err: unknown) => {
          status.className = 'gk-status gk-status-error';
          status.textContent = ctx.localize.text('report-export-failed', { reason: err instanceof Error ? err.message : String(err) });
        })
        .finally(() => (button.disabled = false));
    });
    return button;
  });
  return h('div', { class: 'gk-exports' }, [...buttons, status]);
}

/** clients.csv → clients-2026-05-29.csv: a second download does not overwrite the first. */
function datedName(name: ExportName): string {
  return name.replace(/\.csv$/, `-${new Date().toISOString().slice(0, 10)}.csv`);
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = h('a', { attrs: { href: url, download: fileName } });
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download by now; the URL is not needed after it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
