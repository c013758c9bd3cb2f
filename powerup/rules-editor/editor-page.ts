import type { RulesProblem } from '../../rules';
import type { RulesCompletion, RulesEditorAnswer, RulesPreview, RulesVersionInfo, RulesVersionText } from '../model/api-contract';
import { problemWhere } from '../model/rules-runtime';
import { ApiError } from '../data/api-client';
import { h } from '../ui/h';
import { createCodeEditor, type CodeEditor } from './code-editor';
import { diffTable } from './diff-view';
import type { DraftStore, KeptDraft } from './draft-store';
import { lineDiff } from './line-diff';
import { authorText, failureText, formatTime, problemLabel, type EditorContext } from './editor-context';
import { formView } from './form-view';
import { previewView } from './preview-view';
import type { RulesApi, SaveResult } from './rules-api';
import { editText, type FormEdit } from './rules-form-model';
import { versionsView } from './versions-view';

/** The server checks the draft this long after the last keystroke. */
export const CHECK_DELAY_MS = 400;
/** The form and the diff follow the text this long after the last keystroke. */
const REDRAW_DELAY_MS = 250;
/** The draft is kept (draft-store.ts) this long after the last keystroke, and as the page goes. */
const KEEP_DELAY_MS = 500;

type TabId = 'form' | 'problems' | 'preview' | 'diff' | 'versions';
const TABS: TabId[] = ['form', 'problems', 'preview', 'diff', 'versions'];

type CheckState = { kind: 'checking' } | { kind: 'checked'; problems: RulesProblem[] } | { kind: 'failed'; reason: string };

/**
 * The admin's rules editor: the text in CodeMirror, checked by the server as it is typed; a form
 * for the common changes; the draft's problems, its dry run on the board, its diff against the
 * version it started from, and the versions, in tabs; save with a comment, restore an old version.
 */
export function startRulesEditor(opts: { root: HTMLElement; api: RulesApi; ctx: EditorContext; drafts: DraftStore }): void {
  const { root, api, ctx, drafts } = opts;
  const { localize } = ctx;

  const load = async () => {
    root.replaceChildren(h('p', { class: 'gk-loading', text: localize.text('rules-editor-loading'), attrs: { role: 'status' } }));
    try {
      open(await api.editor());
    } catch (err) {
      // A refusal (not an admin) is final; trouble with the network or the server may pass.
      const refused = err instanceof ApiError && err.status === 403;
      const retry = refused ? null : h('button', { class: 'gk-button gk-button-primary', text: localize.text('rules-editor-retry'), attrs: { type: 'button' }, on: { click: () => void load() } });
      root.replaceChildren(
        h('div', { class: 'gk-report-error gk-rules-refused', attrs: { role: 'alert' } }, [
          h('p', { class: 'gk-status gk-status-error', text: failureText(ctx, err), attrs: { 'data-testid': 'rules-editor-refusal' } }),
          retry,
        ]),
      );
    }
  };

  const open = (answer: RulesEditorAnswer) => {
    let base: RulesVersionText = answer.active;
    let versions: RulesVersionInfo[] = answer.versions;
    let activeVersion = answer.active.version;
    let completion: RulesCompletion = answer.completion;
    let check: CheckState = { kind: 'checking' };
    let tab: TabId = 'form';
    /** A draft put aside when another version was loaded (a conflict, a restore): shown in «Отличия». */
    let stashed: { text: string; base: number; baseText: string } | null = null;
    let preview: { text: string; result: Awaited<ReturnType<RulesApi['preview']>> } | { text: string; error: string } | null = null;
    let previewRun = 0;
    const openStages = new Set<number>();

    const baseLine = h('p', { class: 'gk-rules-base', attrs: { 'data-testid': 'rules-base' } });
    const dirtyChip = h('span', { class: 'gk-chip gk-rules-dirty' });
    const checkStatus = h('p', { class: 'gk-status gk-rules-check', attrs: { role: 'status', 'aria-live': 'polite', 'data-testid': 'check-status' } });
    const notice = h('div', { class: 'gk-rules-notice', attrs: { 'aria-live': 'polite' } });
    const saveButton = h('button', { class: 'gk-button gk-button-primary', text: localize.text('rules-editor-save'), attrs: { type: 'button' } });
    const setupButton = h('button', { class: 'gk-button', text: localize.text('rules-editor-setup'), attrs: { type: 'button' } });
    const codeBox = h('section', { class: 'gk-rules-code', attrs: { 'aria-label': localize.text('rules-editor-text') } });
    const tabButtons = new Map<TabId, HTMLButtonElement>();
    const panel = h('div', { class: 'gk-rules-tabpanel', attrs: { role: 'tabpanel', id: 'rules-tabpanel', tabindex: 0 } });
    const tablist = h(
      'div',
      { class: 'gk-rules-tabs', attrs: { role: 'tablist', 'aria-label': localize.text('rules-editor-tabs') } },
      TABS.map((id) => {
        const button = h('button', { class: 'gk-rules-tab', attrs: { type: 'button', role: 'tab', id: `tab-${id}`, 'aria-controls': 'rules-tabpanel', 'data-tab': id } });
        button.addEventListener('click', () => selectTab(id));
        tabButtons.set(id, button);
        return button;
      }),
    );

    root.replaceChildren(
      h('main', { class: 'gk-rules' }, [
        h('header', { class: 'gk-rules-bar' }, [
          h('div', { class: 'gk-rules-heading' }, [h('h1', { class: 'gk-rules-title', text: localize.text('rules-editor-title') }), h('div', { class: 'gk-rules-base-line' }, [baseLine, dirtyChip])]),
          h('div', { class: 'gk-rules-actions' }, [checkStatus, setupButton, saveButton]),
        ]),
        notice,
        h('div', { class: 'gk-rules-body' }, [codeBox, h('section', { class: 'gk-rules-side' }, [tablist, panel])]),
      ]),
    );

    let checkTimer: ReturnType<typeof setTimeout> | undefined;
    let redrawTimer: ReturnType<typeof setTimeout> | undefined;
    let keepTimer: ReturnType<typeof setTimeout> | undefined;
    const editor: CodeEditor = createCodeEditor({
      parent: codeBox,
      text: base.text,
      label: localize.text('rules-editor-text'),
      language: ctx.language,
      schema: answer.schema,
      completion: () => completion,
      onChange: () => {
        drawHeader();
        clearTimeout(keepTimer);
        keepTimer = setTimeout(keepDraft, KEEP_DELAY_MS);
        clearTimeout(checkTimer);
        checkTimer = setTimeout(() => void runCheck(), CHECK_DELAY_MS);
        clearTimeout(redrawTimer);
        redrawTimer = setTimeout(() => {
          // A change made in the form has drawn the form already; drawing it again would take the focus away.
          if (tab === 'form' && panel.contains(document.activeElement)) return;
          if (tab === 'form' || tab === 'diff' || tab === 'preview') drawTab();
        }, REDRAW_DELAY_MS);
      },
    });

    /**
     * Keeps what would be lost if the page went now: the text when it differs from its base, else
     * a draft put aside in «Отличия» (a conflict), else nothing. An offer of a draft kept earlier
     * stands while the member types: the new text replaces the kept one, as one draft per board.
     */
    const keepDraft = () => {
      clearTimeout(keepTimer);
      keepTimer = undefined;
      const text = editor.text();
      if (text !== base.text) void drafts.keep({ text, baseVersion: base.version, baseText: base.text });
      else if (stashed) void drafts.keep({ text: stashed.text, baseVersion: stashed.base, baseText: stashed.baseText });
      else void drafts.clear();
    };
    // Closing the modal within the pause after a keystroke must not lose that keystroke.
    window.addEventListener('pagehide', () => {
      if (keepTimer !== undefined) keepDraft();
    });

    /**
     * A draft kept from an earlier visit that differs from the active version: continue it, or
     * start over. Offered where the notices go: another notice (the save form) takes its place, as
     * going on with the text on screen is starting over.
     */
    const offerDraft = (kept: KeptDraft) => {
      const data = { version: String(kept.baseVersion), active: String(activeVersion), at: formatTime(ctx, kept.at) };
      const older = kept.baseVersion !== activeVersion;
      const resume = h('button', { class: 'gk-button gk-button-primary', text: localize.text('rules-editor-draft-continue'), attrs: { type: 'button' } });
      const restart = h('button', { class: 'gk-button', text: localize.text('rules-editor-draft-start-over'), attrs: { type: 'button' } });
      resume.addEventListener('click', () => {
        resume.disabled = true;
        restart.disabled = true;
        // A draft of an older version goes on from that version: «Отличия» show the member's own
        // changes, and saving it meets the 409 that offers the active version beside it.
        const from = kept.baseVersion === base.version ? Promise.resolve(base) : api.version(kept.baseVersion);
        from.then(
          (version) => {
            banner.remove();
            base = version;
            editor.setText(kept.text);
            drawHeader();
            drawTab();
          },
          (err: unknown) => {
            resume.disabled = false;
            restart.disabled = false;
            // Said in the offer itself: a notice would take the offer's place.
            banner.querySelector('.gk-status')?.remove();
            banner.append(h('p', { class: 'gk-status gk-status-error', text: failureText(ctx, err), attrs: { role: 'alert' } }));
          },
        );
      });
      restart.addEventListener('click', () => {
        banner.remove();
        clearTimeout(keepTimer);
        keepTimer = undefined;
        void drafts.clear();
        editor.setText(base.text);
      });
      const banner = h('div', { class: 'gk-rules-message gk-rules-message-info gk-rules-draft', attrs: { 'data-testid': 'draft-offer' } }, [
        h('p', { text: localize.text('rules-editor-draft-kept', data) }),
        older ? h('p', { class: 'gk-help', text: localize.text('rules-editor-draft-older', data) }) : null,
        h('div', { class: 'gk-rules-buttons' }, [resume, restart]),
      ]);
      notice.replaceChildren(banner);
    };

    const runCheck = async () => {
      const text = editor.text();
      check = { kind: 'checking' };
      drawCheck();
      try {
        const { problems } = await api.check(text);
        if (editor.text() !== text) return;
        check = { kind: 'checked', problems };
        editor.showProblems(problems, problemLabel);
      } catch (err) {
        if (editor.text() !== text) return;
        check = { kind: 'failed', reason: failureText(ctx, err) };
      }
      drawCheck();
      if (tab === 'problems') drawTab();
    };

    const problems = () => (check.kind === 'checked' ? check.problems : []);

    const drawCheck = () => {
      checkStatus.className = 'gk-status gk-rules-check';
      checkStatus.removeAttribute('title');
      if (check.kind === 'checking') checkStatus.textContent = localize.text('rules-editor-checking');
      else if (check.kind === 'failed') {
        // The full reason is in «Ошибки»: the bar keeps its buttons on one line.
        checkStatus.textContent = localize.text('rules-editor-check-failed-short');
        checkStatus.title = check.reason;
        checkStatus.classList.add('gk-status-error');
      } else if (check.problems.length === 0) {
        checkStatus.textContent = localize.text('rules-editor-no-problems');
        checkStatus.classList.add('gk-status-success');
      } else {
        checkStatus.textContent = localize.message({ key: 'rules-editor-problems', data: { count: check.problems.length }, count: check.problems.length });
        checkStatus.classList.add('gk-status-error');
      }
      drawTabs();
    };

    const drawHeader = () => {
      const dirty = editor.text() !== base.text;
      baseLine.textContent = localize.text('rules-editor-base', { version: String(base.version), at: formatTime(ctx, base.at), author: authorText(ctx, base.author) });
      dirtyChip.textContent = localize.text(dirty ? 'rules-editor-dirty' : 'rules-editor-clean');
      dirtyChip.classList.toggle('gk-chip-red', dirty);
      dirtyChip.classList.toggle('gk-chip-green', !dirty);
      saveButton.disabled = !dirty;
    };

    const drawTabs = () => {
      for (const [id, button] of tabButtons) {
        const count = id === 'problems' && check.kind === 'checked' ? ` (${check.problems.length})` : '';
        button.textContent = `${localize.text(`rules-editor-tab-${id}`)}${count}`;
        button.setAttribute('aria-selected', String(id === tab));
        button.tabIndex = id === tab ? 0 : -1;
        button.classList.toggle('gk-rules-tab-alert', id === 'problems' && problems().length > 0);
      }
      panel.setAttribute('aria-labelledby', `tab-${tab}`);
    };

    const selectTab = (id: TabId) => {
      tab = id;
      drawTabs();
      drawTab();
      if (id === 'preview' && (!preview || preview.text !== editor.text())) void runPreview();
    };

    tablist.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
      const next = TABS[(TABS.indexOf(tab) + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
      selectTab(next);
      tabButtons.get(next)?.focus();
    });

    const formEdit = (edit: FormEdit) => {
      const next = editText(editor.text(), edit);
      if (next === null) {
        showNotice('error', localize.text('rules-editor-form-no-place'));
        return;
      }
      editor.setText(next);
      if (edit.kind === 'stage-value' || edit.kind === 'gate-add' || edit.kind === 'gate-remove') openStages.add(edit.stage);
      drawTab();
    };

    const drawTab = () => {
      const scroll = panel.scrollTop;
      // The form is drawn anew after each of its changes: the control in use keeps the focus.
      const focused = document.activeElement instanceof HTMLElement && panel.contains(document.activeElement) ? document.activeElement.dataset.focus : undefined;
      switch (tab) {
        case 'form':
          panel.replaceChildren(formView(ctx, { text: editor.text(), completion, openStages, onEdit: formEdit }));
          break;
        case 'problems':
          panel.replaceChildren(problemsView());
          break;
        case 'preview':
          panel.replaceChildren(previewPanel());
          break;
        case 'diff':
          panel.replaceChildren(diffPanel());
          break;
        case 'versions':
          panel.replaceChildren(
            versionsView(ctx, { versions, activeVersion, onRestore: restore }),
          );
          break;
      }
      panel.scrollTop = scroll;
      if (focused) panel.querySelector<HTMLElement>(`[data-focus="${CSS.escape(focused)}"]`)?.focus();
    };

    const problemsView = () => {
      if (check.kind === 'checking') return h('p', { class: 'gk-notice', text: localize.text('rules-editor-checking') });
      if (check.kind === 'failed') return h('p', { class: 'gk-status gk-status-error', text: localize.text('rules-editor-check-failed', { reason: check.reason }) });
      if (check.problems.length === 0) return h('p', { class: 'gk-notice', text: localize.text('rules-editor-problems-none') });
      return h(
        'ol',
        { class: 'gk-rules-problems' },
        check.problems.map((problem) => {
          const where = problemWhere(problem);
          return h('li', {}, [
            h('button', { class: 'gk-rules-problem', attrs: { type: 'button', 'data-line': problem.line ?? 1 }, on: { click: () => editor.goTo(problem.line ?? 1, problem.column ?? 1) } }, [
              h('span', { class: 'gk-rules-problem-line', text: problem.line === undefined ? localize.text('rules-editor-no-line') : localize.text('rules-editor-line', { line: String(problem.line) }) }),
              where ? h('span', { class: 'gk-rules-problem-where', text: where }) : null,
              h('span', { class: 'gk-rules-problem-message', text: problem.message }),
            ]),
          ]);
        }),
      );
    };

    const runPreview = async () => {
      const run = ++previewRun;
      const text = editor.text();
      preview = null;
      if (tab === 'preview') drawTab();
      try {
        const result = await api.preview(text);
        if (run !== previewRun) return;
        preview = { text, result };
      } catch (err) {
        if (run !== previewRun) return;
        preview = { text, error: failureText(ctx, err) };
      }
      if (tab === 'preview') drawTab();
    };

    const previewPanel = () => {
      const rerun = h('button', { class: 'gk-button', text: localize.text('rules-editor-preview-run'), attrs: { type: 'button' }, on: { click: () => void runPreview() } });
      const head = h('div', { class: 'gk-rules-panel-head' }, [
        h('h2', { class: 'gk-rules-h2', text: localize.text('rules-editor-tab-preview') }),
        rerun,
      ]);
      if (!preview) return h('div', { class: 'gk-rules-tab-body' }, [head, h('p', { class: 'gk-loading', text: localize.text('rules-editor-preview-running'), attrs: { role: 'status' } })]);
      const stale = preview.text !== editor.text() ? h('p', { class: 'gk-status gk-rules-stale', text: localize.text('rules-editor-preview-stale') }) : null;
      if ('error' in preview) return h('div', { class: 'gk-rules-tab-body' }, [head, h('p', { class: 'gk-status gk-status-error', text: preview.error, attrs: { role: 'alert' } })]);
      if (preview.result.outcome === 'invalid') {
        const count = preview.result.problems.length;
        return h('div', { class: 'gk-rules-tab-body' }, [
          head,
          stale,
          h('p', { class: 'gk-status gk-status-error', text: localize.message({ key: 'rules-editor-preview-invalid', data: { count }, count }), attrs: { role: 'alert' } }),
          h('button', { class: 'gk-button', text: localize.text('rules-editor-show-problems'), attrs: { type: 'button' }, on: { click: () => selectTab('problems') } }),
        ]);
      }
      return h('div', { class: 'gk-rules-tab-body' }, [head, stale, previewView(ctx, preview.result.preview)]);
    };

    const diffPanel = () => {
      const draft = editor.text();
      const foldText = (count: number) => localize.message({ key: 'rules-editor-diff-fold', data: { count }, count });
      const main = lineDiff(base.text, draft);
      const parts: (HTMLElement | null)[] = [
        h('h2', { class: 'gk-rules-h2', text: localize.text('rules-editor-diff-title', { version: String(base.version) }) }),
        main.added + main.removed === 0
          ? h('p', { class: 'gk-notice', text: localize.text('rules-editor-diff-none', { version: String(base.version) }) })
          : h('p', { class: 'gk-help', text: localize.text('rules-editor-diff-counts', { added: String(main.added), removed: String(main.removed) }) }),
        main.added + main.removed === 0 ? null : diffTable(main.rows, foldText, localize.text('rules-editor-diff-title', { version: String(base.version) })),
      ];
      if (stashed) {
        const kept = stashed;
        const other = lineDiff(base.text, kept.text);
        parts.push(
          h('section', { class: 'gk-rules-stashed', attrs: { 'data-testid': 'stashed-draft' } }, [
            h('h2', { class: 'gk-rules-h2', text: localize.text('rules-editor-stashed-title', { base: String(kept.base), version: String(base.version) }) }),
            h('div', { class: 'gk-rules-buttons' }, [
              h('button', {
                class: 'gk-button',
                text: localize.text('rules-editor-stashed-back'),
                attrs: { type: 'button' },
                on: {
                  click: () => {
                    stashed = null;
                    editor.setText(kept.text);
                    drawTab();
                  },
                },
              }),
              h('button', { class: 'gk-button gk-button-quiet', text: localize.text('rules-editor-stashed-drop'), attrs: { type: 'button' }, on: { click: () => ((stashed = null), drawTab()) } }),
            ]),
            diffTable(other.rows, foldText, localize.text('rules-editor-stashed-title', { base: String(kept.base), version: String(base.version) })),
          ]),
        );
      }
      return h('div', { class: 'gk-rules-tab-body' }, parts);
    };

    const showNotice = (kind: 'error' | 'success' | 'info', text: string, extra: HTMLElement[] = []) => {
      notice.replaceChildren(
        h('div', { class: `gk-rules-message gk-rules-message-${kind}`, attrs: kind === 'error' ? { role: 'alert' } : {} }, [
          h('p', { text }),
          ...extra,
          h('button', { class: 'gk-button gk-button-quiet gk-rules-close', text: '×', attrs: { type: 'button', 'aria-label': localize.text('rules-editor-close') }, on: { click: () => notice.replaceChildren() } }),
        ]),
      );
    };

    /** Another version became the active one: load it, putting an unsaved draft aside. */
    const loadActive = async (): Promise<string | null> => {
      try {
        const fresh = await api.editor();
        const draft = editor.text();
        if (draft !== base.text && draft !== fresh.active.text) stashed = { text: draft, base: base.version, baseText: base.text };
        base = fresh.active;
        versions = fresh.versions;
        activeVersion = fresh.active.version;
        completion = fresh.completion;
        preview = null;
        editor.setText(base.text);
        drawHeader();
        drawTab();
        return null;
      } catch (err) {
        return failureText(ctx, err);
      }
    };

    const saved = (info: RulesVersionInfo, text: string) => {
      base = { ...info, text };
      clearTimeout(keepTimer);
      keepTimer = undefined;
      void drafts.clear();
      activeVersion = info.version;
      versions = [info, ...versions.filter((v) => v.version !== info.version)];
      drawHeader();
      drawTab();
    };

    const outcomeText = (result: Exclude<SaveResult, { outcome: 'saved' }>) => {
      if (result.outcome === 'conflict') return result.message;
      return `${result.message || localize.text('rules-editor-invalid')}`;
    };

    const openSave = () => {
      const comment = h('textarea', { attrs: { id: 'save-comment', rows: 2, required: true, placeholder: localize.text('rules-editor-comment-placeholder') } });
      const go = h('button', { class: 'gk-button gk-button-primary', text: localize.text('rules-editor-save-confirm'), attrs: { type: 'submit', disabled: true } });
      const status = h('p', { class: 'gk-status', attrs: { role: 'status' } });
      comment.addEventListener('input', () => (go.disabled = comment.value.trim() === ''));
      const form = h('form', { class: 'gk-rules-save', attrs: { 'aria-label': localize.text('rules-editor-save-title') } }, [
        h('label', { text: localize.text('rules-editor-comment'), attrs: { for: 'save-comment' } }),
        comment,
        problems().length > 0 ? h('p', { class: 'gk-status gk-status-error', text: localize.text('rules-editor-save-has-problems') }) : null,
        h('div', { class: 'gk-rules-buttons' }, [
          go,
          h('button', { class: 'gk-button gk-button-quiet', text: localize.text('rules-editor-cancel'), attrs: { type: 'button' }, on: { click: () => notice.replaceChildren() } }),
        ]),
        status,
      ]);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const text = editor.text();
        const note = comment.value.trim();
        if (!note) return;
        go.disabled = true;
        status.className = 'gk-status';
        status.textContent = localize.text('rules-editor-saving');
        api.save(text, note, base.version).then(
          (result) => {
            if (result.outcome === 'saved') {
              saved(result.saved, text);
              showNotice('success', localize.text('rules-editor-saved', { version: String(result.saved.version) }));
              return;
            }
            if (result.outcome === 'conflict') {
              conflict(result);
              return;
            }
            check = { kind: 'checked', problems: result.problems };
            editor.showProblems(result.problems, problemLabel);
            drawCheck();
            selectTab('problems');
            go.disabled = false;
            status.className = 'gk-status gk-status-error';
            status.textContent = outcomeText(result);
          },
          (err: unknown) => {
            go.disabled = false;
            status.className = 'gk-status gk-status-error';
            status.textContent = failureText(ctx, err);
          },
        );
      });
      notice.replaceChildren(h('div', { class: 'gk-rules-message gk-rules-message-info' }, [form]));
      comment.focus();
    };

    const conflict = ({ message, active }: { message: string; active: RulesVersionInfo }) => {
      const reload = h('button', { class: 'gk-button gk-button-primary', text: localize.text('rules-editor-load-active'), attrs: { type: 'button' } });
      reload.addEventListener('click', () => {
        reload.disabled = true;
        void loadActive().then((error) => {
          if (error) {
            reload.disabled = false;
            showNotice('error', error);
            return;
          }
          showNotice('info', localize.text(stashed ? 'rules-editor-loaded-active-stashed' : 'rules-editor-loaded-active', { version: String(base.version) }));
          if (stashed) selectTab('diff');
        });
      });
      const lead = localize.text('rules-editor-conflict', {
        base: String(base.version),
        version: String(active.version),
        author: authorText(ctx, active.author),
        at: formatTime(ctx, active.at),
      });
      showNotice('error', lead, [
        h('p', { class: 'gk-rules-detail', text: message, attrs: { 'data-testid': 'conflict-message' } }),
        h('p', { class: 'gk-help', text: localize.text('rules-editor-conflict-help') }),
        reload,
      ]);
    };

    const restore = async (version: number, comment: string): Promise<string | null> => {
      try {
        const result = await api.restore(version, comment, base.version);
        if (result.outcome === 'conflict') {
          conflict(result);
          return result.message;
        }
        if (result.outcome === 'invalid') return outcomeText(result);
        const error = await loadActive();
        if (error) return error;
        showNotice('success', localize.text('rules-editor-restored', { version: String(version), saved: String(result.saved.version) }));
        return null;
      } catch (err) {
        return failureText(ctx, err);
      }
    };

    const openSetup = async () => {
      setupButton.disabled = true;
      notice.replaceChildren(h('div', { class: 'gk-rules-message gk-rules-message-info' }, [h('p', { class: 'gk-loading', text: localize.text('rules-editor-setup-loading'), attrs: { role: 'status' } })]));
      try {
        const plan = await api.setupPlan(ctx.language);
        const report = (text: string, applied: boolean, changes: number) => {
          const apply = h('button', { class: 'gk-button gk-button-primary', text: localize.text('rules-editor-setup-apply'), attrs: { type: 'button' } });
          apply.addEventListener('click', () => {
            apply.disabled = true;
            api.applySetup(ctx.language).then(
              (done) => report(done.report, true, done.changes),
              (err: unknown) => {
                apply.disabled = false;
                showNotice('error', failureText(ctx, err));
              },
            );
          });
          const lead = applied ? 'rules-editor-setup-applied' : changes === 0 ? 'rules-editor-setup-nothing' : 'rules-editor-setup-plan';
          notice.replaceChildren(
            h('div', { class: 'gk-rules-message gk-rules-message-info gk-rules-setup', attrs: { 'data-testid': 'setup-report' } }, [
              h('h2', { class: 'gk-rules-h2', text: localize.text('rules-editor-setup-title') }),
              h('p', { text: localize.text(lead) }),
              h('pre', { class: 'gk-rules-report', text }),
              h('div', { class: 'gk-rules-buttons' }, [
                !applied && changes > 0 ? apply : null,
                h('button', { class: 'gk-button gk-button-quiet', text: localize.text('rules-editor-close'), attrs: { type: 'button' }, on: { click: () => notice.replaceChildren() } }),
              ]),
            ]),
          );
        };
        report(plan.report, plan.applied, plan.changes);
      } catch (err) {
        showNotice('error', failureText(ctx, err));
      } finally {
        setupButton.disabled = false;
      }
    };

    saveButton.addEventListener('click', openSave);
    setupButton.addEventListener('click', () => void openSetup());
    drawHeader();
    drawCheck();
    drawTab();
    void runCheck();
    const versionText = (version: number) => (version === base.version ? Promise.resolve(base.text) : api.version(version).then((v) => v.text));
    void drafts.read(versionText).then((kept) => {
      // Kept and equal to the active version (saved since, by anyone): nothing is unsaved.
      if (kept && kept.text !== answer.active.text) offerDraft(kept);
      else if (kept) void drafts.clear();
    });
  };

  void load();
}
