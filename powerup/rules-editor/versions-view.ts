import type { RulesVersionInfo } from '../model/api-contract';
import { h } from '../ui/h';
import { authorText, formatTime, type EditorContext } from './editor-context';

/**
 * «Версии»: newest first, each with its author, time and comment; every version older than the
 * active one has «Восстановить», which asks for a comment before it restores (as a new version).
 */
export function versionsView(
  ctx: EditorContext,
  opts: { versions: RulesVersionInfo[]; activeVersion: number; onRestore: (version: number, comment: string) => Promise<string | null> },
): HTMLElement {
  const { localize } = ctx;
  const rows = opts.versions.map((info) => {
    const active = info.version === opts.activeVersion;
    // Under the comment, not a column of its own: the side panel is narrow, the comment needs the room.
    const action = h('div', { class: 'gk-rules-version-action' });
    const comment = [
      h('span', { text: info.comment || '—' }),
      info.restoredFrom !== null ? h('span', { class: 'gk-help gk-rules-restored', text: localize.text('rules-editor-restored-from', { version: String(info.restoredFrom) }) }) : null,
    ];
    const row = h('tr', { attrs: { 'data-version': info.version } }, [
      h('td', { class: 'gk-rules-version-no' }, [
        h('span', { text: String(info.version) }),
        active ? h('span', { class: 'gk-chip gk-chip-green gk-rules-active', text: localize.text('rules-editor-active') }) : null,
      ]),
      h('td', { text: authorText(ctx, info.author) }),
      h('td', { class: 'gk-rules-when', text: formatTime(ctx, info.at) }),
      h('td', {}, [...comment, action]),
    ]);
    if (info.version < opts.activeVersion) {
      const restore = h('button', {
        class: 'gk-button',
        text: localize.text('rules-editor-restore'),
        attrs: { type: 'button', 'aria-label': localize.text('rules-editor-restore-version', { version: String(info.version) }) },
      });
      restore.addEventListener('click', () => action.replaceChildren(restoreForm(ctx, info.version, opts.onRestore, () => action.replaceChildren(restore))));
      action.append(restore);
    }
    return row;
  });
  const headers = ['rules-editor-col-version', 'rules-editor-col-author', 'rules-editor-col-at', 'rules-editor-col-comment'].map((key) => localize.text(key));
  return h('div', { class: 'gk-table-scroll', attrs: { tabindex: 0 } }, [
    h('table', { class: 'gk-table gk-rules-versions' }, [
      h('thead', {}, [h('tr', {}, headers.map((text) => h('th', { text, attrs: { scope: 'col' } })))]),
      h('tbody', {}, rows),
    ]),
  ]);
}

function restoreForm(ctx: EditorContext, version: number, onRestore: (version: number, comment: string) => Promise<string | null>, cancel: () => void): HTMLElement {
  const { localize } = ctx;
  const input = h('input', { attrs: { type: 'text', required: true, 'aria-label': localize.text('rules-editor-restore-comment', { version: String(version) }), placeholder: localize.text('rules-editor-comment-placeholder') } });
  const go = h('button', { class: 'gk-button gk-button-primary', text: localize.text('rules-editor-restore-confirm'), attrs: { type: 'submit', disabled: true } });
  const status = h('p', { class: 'gk-status gk-status-error', attrs: { role: 'alert' } });
  input.addEventListener('input', () => (go.disabled = input.value.trim() === ''));
  const form = h('form', { class: 'gk-rules-restore' }, [
    input,
    h('div', { class: 'gk-rules-buttons' }, [go, h('button', { class: 'gk-button gk-button-quiet', text: localize.text('rules-editor-cancel'), attrs: { type: 'button' }, on: { click: cancel } })]),
    status,
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const comment = input.value.trim();
    if (!comment) return;
    go.disabled = true;
    void onRestore(version, comment).then((error) => {
      if (error) {
        status.textContent = error;
        go.disabled = false;
      }
    });
  });
  queueMicrotask(() => input.focus());
  return form;
}
