import type { ApiClient, ShareDelivery, VaultEntryInput } from '../data/api-client';
import type { Localize } from '../i18n/localize';
import { message } from '../i18n/message';
import type { ShareAnswer, VaultAnswer, VaultEntryView } from '../model/api-contract';
import { formatDateTime } from '../model/report-format';
import {
  accessLine,
  entryProblems,
  errorCode,
  holderNames,
  linkHref,
  MASKED_SECRET,
  problemText,
  REVEAL_SECONDS,
  secondsLeft,
  shareProblem,
  shareSuggestsCopy,
  updatedLine,
  type EntryField,
} from '../model/vault-model';
import { h, uniqueId } from './h';

type Ctx = {
  api: ApiClient;
  cardId: string;
  localize: Localize;
  /** Redraws the section from a fresh answer (after a change). */
  redraw(answer: VaultAnswer): void;
  /** Runs `stop` when the section is redrawn or the page leaves: reveal timers end with it. */
  onDispose(stop: () => void): void;
  /** How long a reveal lasts: the slot's `data-reveal-seconds` (30; a test makes it short). */
  revealSeconds(): number;
  /** The access log, when open, reads itself again after a look or a change. */
  logChanged(): void;
};

/**
 * «Доступы» on the card back: the station's logins and passwords, kept by the server's vault.
 * Read once when the card opens (GET /api/cards/:id/vault), beside the form, never before it.
 * Members with `view` reveal a secret for 30 seconds or copy it without seeing it; with `edit`
 * they add, change and delete entries; with `share` they send entries to the client by a one-time
 * link; with `audit` they read the card's access log. Others see the labels and whom to ask. Nothing at all when the rules keep no vault (404).
 */
export function vaultView(opts: { api: ApiClient; cardId: string; localize: Localize; /** Drawn open: it was open before Trello's redraw. */ open?: boolean }): {
  el: HTMLElement;
  /** The section is open: a redraw of the card back keeps it so. */
  isOpen(): boolean;
  /**
   * A credential being typed, or «Отправить клиенту» open: Trello's redraw (the card changed — as
   * sending itself changes it, ticking the checklist) would throw it away, and the link with it.
   */
  isDirty(): boolean;
} {
  const { localize } = opts;
  const slot = h('div', { class: 'gk-vault-slot', attrs: { 'data-testid': 'vault', 'data-reveal-seconds': REVEAL_SECONDS } });
  let disposers: (() => void)[] = [];
  let section: HTMLDetailsElement | null = null;
  // Made once and kept across redraws: an open log stays open, and reads itself again after a change.
  let log: ReturnType<typeof accessLog> | null = null;
  const ctx: Ctx = {
    api: opts.api,
    cardId: opts.cardId,
    localize,
    redraw: (answer) => draw(answer),
    onDispose: (stop) => disposers.push(stop),
    revealSeconds: () => {
      const seconds = Number(slot.dataset.revealSeconds);
      return Number.isFinite(seconds) && seconds > 0 ? seconds : REVEAL_SECONDS;
    },
    logChanged: () => log?.refresh(),
  };
  function draw(answer: VaultAnswer): void {
    for (const stop of disposers) stop();
    disposers = [];
    const open = section?.open ?? opts.open ?? false;
    if (answer.rights.audit) log ??= accessLog(ctx);
    section = vaultSection(ctx, answer, answer.rights.audit ? (log?.el ?? null) : null);
    section.open = open;
    slot.replaceChildren(section);
  }
  window.addEventListener('pagehide', () => {
    for (const stop of disposers) stop();
  });
  opts.api.vault(opts.cardId).then(draw, (err: unknown) => {
    // No `vault:` section in the rules (or no vault on this deployment): no section at all.
    if ((err as { status?: unknown }).status === 404) return;
    slot.replaceChildren(h('p', { class: 'gk-status gk-status-error', text: localize.text('vault-failed', { reason: localize.message(problemText(err)) }) }));
  });
  return {
    el: slot,
    isOpen: () => section?.open ?? opts.open ?? false,
    isDirty: () => slot.querySelector('.gk-vault-form, .gk-vault-share') !== null,
  };
}

function vaultSection(ctx: Ctx, answer: VaultAnswer, log: HTMLElement | null): HTMLDetailsElement {
  const { localize } = ctx;
  const { rights, entries, holders } = answer;
  const count = entries.length;
  const addSlot = h('div', { class: 'gk-vault-add' });
  const showAdd = () => {
    const add = h('button', { class: 'gk-button gk-vault-add-button', text: localize.text('vault-add'), attrs: { type: 'button' } });
    add.addEventListener('click', () => {
      const form = entryForm(ctx, { entry: null, onCancel: showAdd });
      addSlot.replaceChildren(form);
      form.querySelector('input')?.focus();
    });
    addSlot.replaceChildren(add);
  };
  if (rights.edit) showAdd();
  const shareSlot = rights.share && count > 0 ? h('div', { class: 'gk-vault-share-slot' }) : null;
  if (shareSlot) {
    const showShareButton = () => {
      const open = h('button', { class: 'gk-button gk-vault-share-button', text: localize.text('vault-share'), attrs: { type: 'button' } });
      open.addEventListener('click', () => {
        const panel = sharePanel(ctx, entries, () => {
          showShareButton();
          shareSlot.querySelector('button')?.focus();
        });
        shareSlot.replaceChildren(panel);
        panel.querySelector('input')?.focus();
      });
      shareSlot.replaceChildren(open);
    };
    showShareButton();
  }
  const viewers = holderNames(holders.view);
  const editors = holderNames(holders.edit);
  return h('details', { class: 'gk-section gk-vault' }, [
    h('summary', { class: 'gk-section-summary' }, [
      h('span', { class: 'gk-section-title', text: localize.text('vault-title') }),
      h('span', { class: 'gk-group-count', text: localize.message(message('vault-count', { count }, count)) }),
    ]),
    h('div', { class: 'gk-vault-body' }, [
      rights.view
        ? null
        : h('p', { class: 'gk-vault-holders', attrs: { 'data-testid': 'vault-viewers' }, text: viewers ? localize.text('vault-holders-view', { names: viewers }) : localize.text('vault-holders-view-none') }),
      count > 0
        ? h('ul', { class: 'gk-vault-entries' }, entries.map((entry) => entryItem(ctx, answer, entry)))
        : h('p', { class: 'gk-empty', text: localize.text('vault-none') }),
      rights.edit || shareSlot ? h('div', { class: 'gk-vault-tools' }, [rights.edit ? addSlot : null, shareSlot]) : null,
      rights.edit || count === 0 ? null : h('p', { class: 'gk-help', text: editors ? localize.text('vault-holders-edit', { names: editors }) : localize.text('vault-holders-edit-none') }),
      log,
    ]),
  ]);
}

function entryItem(ctx: Ctx, answer: VaultAnswer, entry: VaultEntryView): HTMLElement {
  const { localize } = ctx;
  const item = h('li', { class: 'gk-vault-entry', attrs: { 'data-testid': 'vault-entry', 'data-entry-id': entry.id } });
  const showView = () => {
    let stopReveal: () => void = () => undefined;
    const status = h('p', { class: 'gk-status', attrs: { role: 'status' } });
    const say = (text: string, kind: 'error' | 'success' | '' = '') => {
      status.className = `gk-status${kind ? ` gk-status-${kind}` : ''}`;
      status.textContent = text;
    };
    const head = h('div', { class: 'gk-vault-head' }, [
      h('span', { class: 'gk-vault-label', text: entry.label }),
      h('span', { class: 'gk-vault-updated', text: localize.message(updatedLine(entry)) }),
    ]);
    const actions: HTMLElement[] = [];
    let fields: HTMLElement | null = null;
    if (answer.rights.view) {
      const secret = h('code', { class: 'gk-vault-secret gk-vault-masked', attrs: { 'data-testid': 'vault-secret' }, text: MASKED_SECRET });
      const href = linkHref(entry.url);
      fields = h('dl', { class: 'gk-vault-fields' }, [
        ...fieldPair(localize.text('vault-login'), entry.login ? h('span', { class: 'gk-vault-login', text: entry.login }) : null),
        ...fieldPair(
          localize.text('vault-url'),
          entry.url
            ? href
              ? h('a', { class: 'gk-vault-url', text: entry.url, attrs: { href, target: '_blank', rel: 'noopener noreferrer' } })
              : h('span', { class: 'gk-vault-url', text: entry.url })
            : null,
        ),
        ...fieldPair(localize.text('vault-secret'), secret),
        ...fieldPair(localize.text('vault-note'), entry.note ? h('span', { class: 'gk-vault-note', text: entry.note }) : null),
      ]);
      const reveal = revealButton(ctx, entry, secret, say);
      stopReveal = reveal.stop;
      actions.push(reveal.el, copyButton(ctx, entry, say));
    }
    if (answer.rights.edit) {
      const edit = h('button', { class: 'gk-button gk-button-quiet', text: localize.text('vault-edit'), attrs: { type: 'button' } });
      edit.addEventListener('click', () => {
        stopReveal();
        const form = entryForm(ctx, { entry, onCancel: showView });
        item.replaceChildren(form);
        form.querySelector('input')?.focus();
      });
      const remove = h('button', { class: 'gk-button gk-button-quiet gk-vault-delete', text: localize.text('vault-delete'), attrs: { type: 'button' } });
      remove.addEventListener('click', () => confirmDelete(ctx, entry, item, say));
      actions.push(edit, remove);
    }
    const buttons = actions.length > 0 ? h('div', { class: 'gk-vault-actions' }, actions) : null;
    item.replaceChildren(...[head, fields, buttons, status].filter((el): el is HTMLElement => el !== null));
  };
  showView();
  return item;
}

function fieldPair(title: string, value: HTMLElement | null): HTMLElement[] {
  return value ? [h('dt', { text: title }), h('dd', {}, [value])] : [];
}

/** «Показать»: the secret for a while, with the seconds left on «Скрыть (…)»; then masked again. */
function revealButton(ctx: Ctx, entry: VaultEntryView, secret: HTMLElement, say: (text: string, kind?: 'error' | 'success' | '') => void) {
  const { localize } = ctx;
  const button = h('button', { class: 'gk-button gk-vault-reveal', text: localize.text('vault-show'), attrs: { type: 'button' } });
  let timer: ReturnType<typeof setInterval> | undefined;
  const mask = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
    secret.textContent = MASKED_SECRET;
    secret.classList.add('gk-vault-masked');
    button.textContent = localize.text('vault-show');
  };
  ctx.onDispose(mask);
  button.addEventListener('click', () => {
    if (timer !== undefined) return mask();
    button.disabled = true;
    say('');
    ctx.api.revealVaultEntry(ctx.cardId, entry.id, 'reveal').then(
      ({ secret: text }) => {
        button.disabled = false;
        const until = Date.now() + ctx.revealSeconds() * 1000;
        const tick = () => {
          const left = secondsLeft(until, Date.now());
          if (left === 0) return mask();
          button.textContent = localize.text('vault-hide', { seconds: left });
        };
        secret.textContent = text;
        secret.classList.remove('gk-vault-masked');
        timer = setInterval(tick, 250);
        tick();
        ctx.logChanged();
      },
      (err: unknown) => {
        button.disabled = false;
        say(localize.text('vault-reveal-failed', { reason: localize.message(problemText(err)) }), 'error');
      },
    );
  });
  return { el: button, stop: mask };
}

/** «Копировать»: the secret goes to the clipboard without being shown. */
function copyButton(ctx: Ctx, entry: VaultEntryView, say: (text: string, kind?: 'error' | 'success' | '') => void): HTMLElement {
  const { localize } = ctx;
  const label = localize.text('vault-copy');
  const button = h('button', { class: 'gk-button gk-vault-copy', text: label, attrs: { type: 'button' } });
  let restore: ReturnType<typeof setTimeout> | undefined;
  ctx.onDispose(() => clearTimeout(restore));
  button.addEventListener('click', () => {
    clearTimeout(restore);
    button.textContent = label;
    say('');
    // Asked before the secret is fetched: no logged copy when it could not have been made.
    if (!clipboardUsable()) return say(localize.text('vault-clipboard-unavailable'), 'error');
    button.disabled = true;
    ctx.api.revealVaultEntry(ctx.cardId, entry.id, 'copy').then(
      async ({ secret }) => {
        ctx.logChanged();
        const copied = await copyText(secret);
        button.disabled = false;
        if (!copied) return say(localize.text('vault-clipboard-unavailable'), 'error');
        button.textContent = localize.text('vault-copied');
        say(localize.text('vault-copied-status'), 'success');
        clearTimeout(restore);
        restore = setTimeout(() => {
          button.textContent = label;
          say('');
        }, 4000);
      },
      (err: unknown) => {
        button.disabled = false;
        say(localize.text('vault-copy-failed', { reason: localize.message(problemText(err)) }), 'error');
      },
    );
  });
  return button;
}

function clipboardUsable(): boolean {
  return typeof navigator.clipboard?.writeText === 'function' || document.queryCommandSupported?.('copy') === true;
}

/**
 * The Clipboard API first; where the frame may not use it (a permissions policy, an old web view),
 * the copy command on a selection that never shows. False when neither worked.
 */
async function copyText(text: string): Promise<boolean> {
  try {
    if (typeof navigator.clipboard?.writeText === 'function') {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Falls through to the copy command.
  }
  const area = h('textarea', { class: 'gk-vault-offscreen', attrs: { readonly: true, 'aria-hidden': 'true', tabindex: -1 } });
  area.value = text;
  document.body.append(area);
  try {
    area.select();
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.value = '';
    area.remove();
  }
}

function confirmDelete(ctx: Ctx, entry: VaultEntryView, item: HTMLElement, say: (text: string, kind?: 'error' | 'success' | '') => void): void {
  const { localize } = ctx;
  item.querySelector('.gk-vault-confirm')?.remove();
  const yes = h('button', { class: 'gk-button gk-button-danger', text: localize.text('vault-delete'), attrs: { type: 'button' } });
  const no = h('button', { class: 'gk-button', text: localize.text('vault-cancel'), attrs: { type: 'button' } });
  const box = h('div', { class: 'gk-vault-confirm', attrs: { role: 'alertdialog', 'aria-label': localize.text('vault-delete-confirm', { label: entry.label }) } }, [
    h('p', { class: 'gk-vault-confirm-text', text: localize.text('vault-delete-confirm', { label: entry.label }) }),
    h('div', { class: 'gk-vault-actions' }, [yes, no]),
  ]);
  no.addEventListener('click', () => box.remove());
  yes.addEventListener('click', () => {
    yes.disabled = no.disabled = true;
    ctx.api.deleteVaultEntry(ctx.cardId, entry.id).then(
      (answer) => {
        ctx.redraw(answer);
        ctx.logChanged();
      },
      (err: unknown) => {
        box.remove();
        say(localize.text('vault-delete-failed', { reason: localize.message(problemText(err)) }), 'error');
      },
    );
  });
  item.querySelector('.gk-status')?.before(box);
  no.focus();
}

type FormRow = { el: HTMLElement; input: HTMLInputElement | HTMLTextAreaElement; setError(text: string | undefined): void };

function formRow(label: string, input: HTMLInputElement | HTMLTextAreaElement, extra: (HTMLElement | null)[] = []): FormRow {
  const id = uniqueId('vault');
  const errorId = `${id}-error`;
  input.id = id;
  input.setAttribute('aria-describedby', errorId);
  const error = h('p', { class: 'gk-error', attrs: { id: errorId, 'aria-live': 'polite' } });
  const el = h('div', { class: 'gk-row' }, [h('label', { class: 'gk-label', attrs: { for: id }, text: label }), input, ...extra, error]);
  return {
    el,
    input,
    setError(text) {
      error.textContent = text ?? '';
      el.classList.toggle('gk-invalid', text !== undefined);
      input.setAttribute('aria-invalid', text === undefined ? 'false' : 'true');
    },
  };
}

/** A new entry, or a change to one: the server checks it and its 400 names the fields at fault. */
function entryForm(ctx: Ctx, opts: { entry: VaultEntryView | null; onCancel(): void }): HTMLFormElement {
  const { localize } = ctx;
  const { entry } = opts;
  const text = (value: string | undefined, attrs: Record<string, string> = {}) => {
    const input = h('input', { class: 'gk-input', attrs: { type: 'text', autocomplete: 'off', spellcheck: 'false', ...attrs } });
    input.value = value ?? '';
    return input;
  };
  const note = h('textarea', { class: 'gk-input', attrs: { rows: 2, maxlength: 1000 } });
  note.value = entry?.note ?? '';
  const inputs = {
    label: text(entry?.label),
    login: text(entry?.login),
    secret: h('input', { class: 'gk-input', attrs: { type: 'password', autocomplete: 'new-password', spellcheck: 'false' } }),
    url: text(entry?.url, { inputmode: 'url', placeholder: 'https://' }),
    note,
  };
  const toggleId = uniqueId('vault-show');
  const toggle = h('input', { attrs: { type: 'checkbox', id: toggleId } });
  toggle.addEventListener('change', () => (inputs.secret.type = toggle.checked ? 'text' : 'password'));
  // The form never holds the stored secret: a change keeps it unless a new one is typed.
  const keepHelp = entry ? localize.text('vault-secret-keep') : null;
  const rows: Record<EntryField, FormRow> = {
    label: formRow(localize.text('vault-label'), inputs.label),
    login: formRow(localize.text('vault-login'), inputs.login),
    secret: formRow(localize.text('vault-secret'), inputs.secret, [
      h('label', { class: 'gk-option gk-vault-toggle', attrs: { for: toggleId } }, [toggle, localize.text('vault-secret-show')]),
      keepHelp ? h('p', { class: 'gk-help', text: keepHelp }) : null,
    ]),
    url: formRow(localize.text('vault-url'), inputs.url),
    note: formRow(localize.text('vault-note'), inputs.note),
  };
  const status = h('p', { class: 'gk-status', attrs: { role: 'status' } });
  const save = h('button', { class: 'gk-button gk-button-primary', text: localize.text('vault-save'), attrs: { type: 'submit' } });
  const cancel = h('button', { class: 'gk-button', text: localize.text('vault-cancel'), attrs: { type: 'button' } });
  cancel.addEventListener('click', () => opts.onCancel());
  const title = entry ? localize.text('vault-form-edit', { label: entry.label }) : localize.text('vault-form-new');
  const form = h('form', { class: 'gk-vault-form', attrs: { 'data-testid': 'vault-form', novalidate: true, 'aria-label': title } }, [
    h('h4', { class: 'gk-group-title', text: title }),
    h('div', { class: 'gk-group' }, [rows.label.el, rows.login.el, rows.secret.el, rows.url.el, h('div', { class: 'gk-row-wide' }, [rows.note.el])]),
    h('div', { class: 'gk-vault-actions' }, [save, cancel, status]),
  ]);
  const fail = (err: unknown) => {
    save.disabled = cancel.disabled = false;
    status.className = 'gk-status gk-status-error';
    if (errorCode(err) === 'invalid_entry') {
      const said = (err as { body: { message?: unknown } }).body.message;
      const problems = entryProblems(typeof said === 'string' ? said : '');
      for (const [field, row] of Object.entries(rows) as [EntryField, FormRow][]) row.setError(problems.fields[field]);
      status.textContent = [localize.text('vault-invalid'), ...problems.form].join(' ');
      const first = (Object.keys(rows) as EntryField[]).find((field) => problems.fields[field]);
      if (first) rows[first].input.focus();
      return;
    }
    status.textContent = localize.text('vault-save-failed', { reason: localize.message(problemText(err)) });
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    for (const row of Object.values(rows)) row.setError(undefined);
    save.disabled = cancel.disabled = true;
    status.className = 'gk-status';
    status.textContent = localize.text('vault-saving');
    const fields = (secret: string): VaultEntryInput => ({
      label: inputs.label.value,
      login: inputs.login.value,
      secret,
      url: inputs.url.value.trim(),
      note: inputs.note.value,
    });
    // On a change, an empty secret keeps the stored one: the server fills it in, nothing is revealed.
    const request = entry ? ctx.api.updateVaultEntry(ctx.cardId, entry.id, fields(inputs.secret.value)) : ctx.api.addVaultEntry(ctx.cardId, fields(inputs.secret.value));
    request.then((answer) => {
      ctx.redraw(answer);
      ctx.logChanged();
    }, fail);
  });
  return form;
}

/**
 * «Отправить клиенту»: which entries (all ticked at first), mailed to the technical contact or a
 * link to copy. The link lives only in this panel: closing it (or any redraw) forgets it.
 */
function sharePanel(ctx: Ctx, entries: readonly VaultEntryView[], onClose: () => void): HTMLFormElement {
  const { localize } = ctx;
  const title = localize.text('vault-share-title');
  const boxes = entries.map((entry) => {
    const box = h('input', { class: 'gk-check', attrs: { type: 'checkbox', name: 'entry', value: entry.id, checked: true } });
    return { entry, box, el: h('label', { class: 'gk-option gk-vault-share-entry' }, [box, h('span', { text: entry.label })]) };
  });
  const radioName = uniqueId('vault-share-delivery');
  const radio = (value: ShareDelivery, text: string) => {
    const input = h('input', { class: 'gk-check', attrs: { type: 'radio', name: radioName, value, checked: value === 'email' } });
    return { input, el: h('label', { class: 'gk-option', attrs: { 'data-delivery': value } }, [input, h('span', { text })]) };
  };
  const byMail = radio('email', localize.text('vault-share-email'));
  const byCopy = radio('copy', localize.text('vault-share-copy'));
  const delivery = (): ShareDelivery => (byCopy.input.checked ? 'copy' : 'email');
  const send = h('button', { class: 'gk-button gk-button-primary', text: localize.text('vault-share-send'), attrs: { type: 'submit' } });
  const cancel = h('button', { class: 'gk-button', text: localize.text('vault-cancel'), attrs: { type: 'button' } });
  const status = h('p', { class: 'gk-status', attrs: { role: 'status' } });
  const useCopy = h('button', { class: 'gk-button gk-button-quiet gk-vault-share-use-copy', text: localize.text('vault-share-use-copy'), attrs: { type: 'button', hidden: true } });
  const say = (text: string, kind: 'error' | '' = '') => {
    status.className = `gk-status${kind ? ` gk-status-${kind}` : ''}`;
    status.textContent = text;
  };
  const chosen = () => boxes.filter((b) => b.box.checked).map((b) => b.entry.id);
  const update = () => {
    send.textContent = localize.text(delivery() === 'copy' ? 'vault-share-make-link' : 'vault-share-send');
    send.disabled = chosen().length === 0;
    say(chosen().length === 0 ? localize.text('vault-share-none-chosen') : '');
    useCopy.hidden = true;
  };
  for (const input of [...boxes.map((b) => b.box), byMail.input, byCopy.input]) input.addEventListener('change', update);
  cancel.addEventListener('click', onClose);
  useCopy.addEventListener('click', () => {
    byCopy.input.checked = true;
    update();
    byCopy.input.focus();
  });
  const choices = h('div', { class: 'gk-vault-share-choices' }, [
    h('fieldset', { class: 'gk-vault-share-set' }, [h('legend', { class: 'gk-label', text: localize.text('vault-share-what') }), h('div', { class: 'gk-options' }, boxes.map((b) => b.el))]),
    h('fieldset', { class: 'gk-vault-share-set' }, [h('legend', { class: 'gk-label', text: localize.text('vault-share-how') }), h('div', { class: 'gk-options' }, [byMail.el, byCopy.el])]),
    h('p', { class: 'gk-help', text: localize.text('vault-share-once') }),
    h('div', { class: 'gk-vault-actions' }, [send, cancel, status, useCopy]),
  ]);
  const form = h('form', { class: 'gk-vault-share', attrs: { 'data-testid': 'vault-share', novalidate: true, 'aria-label': title } }, [
    h('h4', { class: 'gk-group-title', text: title }),
    choices,
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const ids = chosen();
    if (ids.length === 0) return;
    const how = delivery();
    send.disabled = cancel.disabled = true;
    useCopy.hidden = true;
    say(localize.text(how === 'copy' ? 'vault-share-making' : 'vault-share-sending'));
    ctx.api.shareVault(ctx.cardId, ids, how).then(
      (answer) => {
        ctx.logChanged();
        const result = shareResult(ctx, answer, onClose);
        form.replaceChildren(form.firstElementChild!, result);
        // The copy button, not the link: a focused link scrolls to its end and hides where it points.
        result.querySelector<HTMLElement>('.gk-vault-share-copy, button')?.focus();
      },
      (err: unknown) => {
        send.disabled = cancel.disabled = false;
        say(localize.text(how === 'copy' ? 'vault-share-link-failed' : 'vault-share-failed', { reason: localize.message(shareProblem(err)) }), 'error');
        useCopy.hidden = !(how === 'email' && shareSuggestsCopy(err));
      },
    );
  });
  update();
  return form;
}

/** What «Отправить клиенту» did: whom it was mailed to, or the link to copy; until when it works. */
function shareResult(ctx: Ctx, answer: ShareAnswer, onClose: () => void): HTMLElement {
  const { localize } = ctx;
  const until = formatDateTime(answer.expiresAt);
  const done = h('button', { class: 'gk-button', text: localize.text('vault-share-done'), attrs: { type: 'button' } });
  done.addEventListener('click', onClose);
  const ticked = answer.ticked ? h('p', { class: 'gk-vault-share-ticked', text: localize.text('vault-share-ticked') }) : null;
  if (answer.url === undefined) {
    return h('div', { class: 'gk-vault-share-result', attrs: { 'data-testid': 'vault-share-result' } }, [
      h('p', { class: 'gk-status gk-status-success gk-vault-share-sent', attrs: { role: 'status' }, text: localize.text('vault-share-sent', { recipient: answer.sentTo ?? '', until }) }),
      ticked,
      h('div', { class: 'gk-vault-actions' }, [done]),
    ]);
  }
  const id = uniqueId('vault-share-link');
  const link = h('input', { class: 'gk-input gk-vault-share-link', attrs: { id, type: 'text', readonly: true, spellcheck: 'false', autocomplete: 'off' } });
  link.value = answer.url;
  link.addEventListener('focus', () => link.select());
  const status = h('p', { class: 'gk-status', attrs: { role: 'status' } });
  const label = localize.text('vault-share-copy-link');
  const copy = h('button', { class: 'gk-button gk-button-primary gk-vault-share-copy', text: label, attrs: { type: 'button' } });
  let restore: ReturnType<typeof setTimeout> | undefined;
  ctx.onDispose(() => clearTimeout(restore));
  copy.addEventListener('click', () => {
    clearTimeout(restore);
    const unavailable = () => {
      status.className = 'gk-status gk-status-error';
      status.textContent = localize.text('vault-share-clipboard-unavailable');
      link.focus();
      link.select();
    };
    if (!clipboardUsable()) return unavailable();
    copy.disabled = true;
    void copyText(link.value).then((copied) => {
      copy.disabled = false;
      if (!copied) return unavailable();
      copy.textContent = localize.text('vault-copied');
      status.className = 'gk-status gk-status-success';
      status.textContent = localize.text('vault-share-link-copied');
      restore = setTimeout(() => {
        copy.textContent = label;
        status.textContent = '';
      }, 4000);
    });
  });
  return h('div', { class: 'gk-vault-share-result', attrs: { 'data-testid': 'vault-share-result' } }, [
    h('label', { class: 'gk-label', attrs: { for: id }, text: localize.text('vault-share-link-label') }),
    link,
    h('p', { class: 'gk-vault-share-until', text: localize.text('vault-share-link-made', { until }) }),
    ticked,
    h('p', { class: 'gk-help', text: localize.text('vault-share-forget') }),
    h('div', { class: 'gk-vault-actions' }, [copy, done, status]),
  ]);
}

/** «Журнал доступа»: the card's log, read when first opened, a page at a time («Показать ещё»). */
function accessLog(ctx: Ctx): { el: HTMLElement; refresh(): void } {
  const { localize } = ctx;
  const list = h('ol', { class: 'gk-vault-log-list' });
  const status = h('p', { class: 'gk-status', attrs: { role: 'status' } });
  const more = h('button', { class: 'gk-button gk-vault-log-more', text: localize.text('vault-log-more'), attrs: { type: 'button', hidden: true } });
  const el = h('details', { class: 'gk-vault-log', attrs: { 'data-testid': 'vault-log' } }, [
    h('summary', { class: 'gk-vault-log-summary', text: localize.text('vault-log') }),
    h('div', { class: 'gk-vault-log-body' }, [list, status, more]),
  ]);
  let loaded = false;
  let next: string | null = null;
  let generation = 0;
  const load = (cursor: string | undefined) => {
    const mine = ++generation;
    more.disabled = true;
    status.className = 'gk-status';
    status.textContent = localize.text('vault-log-loading');
    ctx.api.vaultAccess(ctx.cardId, cursor).then(
      (page) => {
        if (mine !== generation) return;
        if (!cursor) list.replaceChildren();
        list.append(...page.entries.map((row) => logRow(ctx, accessLine(row))));
        next = page.next;
        more.hidden = next === null;
        more.disabled = false;
        status.textContent = list.childElementCount === 0 ? localize.text('vault-log-none') : '';
      },
      (err: unknown) => {
        if (mine !== generation) return;
        more.disabled = false;
        status.className = 'gk-status gk-status-error';
        status.textContent = localize.text('vault-log-failed', { reason: localize.message(problemText(err)) });
      },
    );
  };
  el.addEventListener('toggle', () => {
    if (!el.open || loaded) return;
    loaded = true;
    load(undefined);
  });
  more.addEventListener('click', () => {
    if (next) load(next);
  });
  return {
    el,
    refresh() {
      if (loaded && el.open) load(undefined);
      else loaded = false;
    },
  };
}

function logRow(ctx: Ctx, line: ReturnType<typeof accessLine>): HTMLElement {
  const { localize } = ctx;
  // «Ирина Директорова: показ пароля «Icecast source»», «Пётр Менеджеров: отправка клиенту
  // (2 доступа) → tech@…», «Клиент открыл ссылку для tech@… (2 доступа)»; the time under it.
  return h('li', { class: 'gk-vault-log-row', attrs: { 'data-testid': 'vault-log-row' } }, [
    h('p', { class: 'gk-vault-log-line' }, [
      line.who === null ? null : h('span', { class: 'gk-vault-log-who', text: line.who }),
      line.who === null ? null : ': ',
      h('span', { class: line.who === null ? 'gk-vault-log-action gk-vault-log-client' : 'gk-vault-log-action', text: localize.message(line.action) }),
      ' ',
      h('span', { class: 'gk-vault-log-entry', text: localize.message(line.what) }),
      line.recipient ? ' → ' : null,
      line.recipient ? h('span', { class: 'gk-vault-log-recipient', text: line.recipient }) : null,
    ]),
    h('time', { class: 'gk-vault-log-when', attrs: { datetime: line.at }, text: line.when }),
  ]);
}
