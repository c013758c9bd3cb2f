import { personWithLogin } from '../../rules/process/person-label';
import type { Person } from '../../rules/reports/report-types';
import { serverMessage } from '../data/api-client';
import { message, type Message } from '../i18n/message';
import type { VaultAccessView, VaultEntryView } from './api-contract';
import { formatDate, formatDateTime, personName } from './report-format';

// «Доступы» on the card back: pure pieces of the section (names, links, the server's complaints,
// the access log's lines), so that the page only draws them and tests check them without a browser.

/** What a secret looks like until it is revealed: never its length. */
export { personWithLogin };

export const MASKED_SECRET = '••••••••';

/** How long a revealed secret stays on screen. */
export const REVEAL_SECONDS = 30;

export const ENTRY_FIELDS = ['label', 'login', 'secret', 'url', 'note'] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];


/** «Показать могут: …»: the names, or null when no member of the board holds the right. */
export function holderNames(people: readonly Person[]): string | null {
  return people.length === 0 ? null : people.map(personWithLogin).join(', ');
}

/** A URL to open as a link: only http(s); anything else (icecast://, srt://, a typo) stays text. */
export function linkHref(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** «Изменено 27.11.2026 · Евгений Инженеров». */
export function updatedLine(entry: Pick<VaultEntryView, 'updatedAt' | 'updatedBy'>): Message {
  const date = formatDate(entry.updatedAt);
  return entry.updatedBy ? message('vault-updated-by', { date, name: personName(entry.updatedBy) }) : message('vault-updated', { date });
}

/**
 * The server's 400 `invalid_entry` message («label: a label is required; url: a URL, …») split by
 * field, for the error line under each; what names no field goes to the form's own line.
 */
export function entryProblems(text: string): { fields: Partial<Record<EntryField, string>>; form: string[] } {
  const fields: Partial<Record<EntryField, string>> = {};
  const form: string[] = [];
  for (const part of text.split(/;\s+/).map((p) => p.trim()).filter(Boolean)) {
    const match = /^(\w+): (.+)$/s.exec(part);
    const field = match?.[1] as EntryField | undefined;
    if (match && field && (ENTRY_FIELDS as readonly string[]).includes(field)) {
      fields[field] = fields[field] ? `${fields[field]}; ${match[2]!}` : match[2]!;
    } else {
      form.push(part);
    }
  }
  return { fields, form };
}

/** An error as the API client throws it: the status and the server's own words, when it gave them. */
type Failure = { status?: unknown; body?: unknown; message?: unknown };

/** The server's `error` code («invalid_entry», «vault_forbidden»), if the failure carries one. */
export function errorCode(err: unknown): string | null {
  const body = (err as Failure | null)?.body as { error?: unknown } | undefined;
  return typeof body?.error === 'string' ? body.error : null;
}


/**
 * A failed request in plain words: no right (403), the access log down so nothing was shown
 * (503), no connection (fetch's TypeError), or else the server's own message.
 */
export function problemText(err: unknown): Message {
  const status = (err as Failure | null)?.status;
  const said = serverMessage(err);
  if (status === 403) return message('vault-error-forbidden', { message: said ?? '403' });
  if (status === 503 && errorCode(err) === 'access_log_unavailable') return message('vault-error-log', { message: said ?? '503' });
  if (status === 404 && errorCode(err) === 'no_such_entry') return message('vault-error-gone');
  if (err instanceof TypeError) return message('vault-error-network');
  const reason = said ?? (err instanceof Error ? err.message : String(err));
  return message('vault-error-other', { message: reason });
}

export type AccessLine = {
  id: string;
  /** The instant, for <time datetime>. */
  at: string;
  when: string;
  /** The member's name; null for the client opening a link (then `action` is the whole sentence). */
  who: string | null;
  action: Message;
  /** Which entry («Icecast source», or that it is deleted since), or how many a link held («(2 доступа)»). */
  what: Message;
  /** Where a link was mailed, after «→»; null for a link copied, or on any other line. */
  recipient: string | null;
};

/**
 * One line of «Журнал доступа»: when, who, what, which entry. «Пётр Менеджеров: отправка клиенту
 * (2 доступа) → tech@…»; «Клиент открыл ссылку для tech@… (2 доступа)», the client named by the line.
 */
export function accessLine(row: VaultAccessView, timeZone?: string): AccessLine {
  const recipient = row.recipient ?? null;
  const what =
    row.entryCount !== undefined && row.label === null
      ? message('vault-log-count', { count: row.entryCount }, row.entryCount)
      : row.label === null
        ? message('vault-log-deleted-entry')
        : message('vault-log-entry', { label: row.label });
  const base = { id: row.id, at: row.at, when: formatDateTime(row.at, timeZone), who: row.person ? personName(row.person) : null, what };
  if (row.action === 'link-opened') {
    return { ...base, action: recipient ? message('vault-action-link-opened-for', { recipient }) : message('vault-action-link-opened'), recipient: null };
  }
  if (row.action === 'share') {
    return recipient ? { ...base, action: message('vault-action-share'), recipient } : { ...base, action: message('vault-action-share-link'), recipient: null };
  }
  return { ...base, action: message(`vault-action-${row.action}`), recipient };
}

/**
 * A failed «Отправить клиенту» in plain words: no contact address or no mail on this service
 * (both: copy the link instead), a mail that did not go, or whatever `problemText` says.
 */
export function shareProblem(err: unknown): Message {
  const said = serverMessage(err) ?? '';
  switch (errorCode(err)) {
    case 'no_contact_email':
      return message('vault-share-error-no-contact', { message: said });
    case 'email_unavailable':
      return message('vault-share-error-no-email', { message: said });
    case 'email_failed':
      return message('vault-share-error-mail-failed', { message: said });
    default:
      return problemText(err);
  }
}

/** Whether the failure leaves «Скопировать ссылку, отправлю сам» as the way out. */
export function shareSuggestsCopy(err: unknown): boolean {
  const code = errorCode(err);
  return code === 'no_contact_email' || code === 'email_unavailable' || code === 'email_failed';
}

/** «Скрыть (28)»: whole seconds left of a reveal, never below zero. */
export function secondsLeft(untilMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((untilMs - nowMs) / 1000));
}
