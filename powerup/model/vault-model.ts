import type { Person } from '../../rules/reports/report-types';
import { message, type Message } from '../i18n/message';
import type { VaultAccessView, VaultEntryView } from './api-contract';
import { formatDate, formatDateTime, personName } from './report-format';

// «Доступы» on the card back: pure pieces of the section (names, links, the server's complaints,
// the access log's lines), so that the page only draws them and tests check them without a browser.

/** What a secret looks like until it is revealed: never its length. */
export const MASKED_SECRET = '••••••••';

/** How long a revealed secret stays on screen. */
export const REVEAL_SECONDS = 30;

export const ENTRY_FIELDS = ['label', 'login', 'secret', 'url', 'note'] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];

/** «Евгений Инженеров (@engineer)»: whom to ask, findable on the board by either. */
export function personWithLogin(person: Person): string {
  const name = person.fullName?.trim();
  return name ? `${name} (@${person.username})` : `@${person.username}`;
}

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

function serverMessage(err: unknown): string | null {
  const body = (err as Failure | null)?.body as { message?: unknown } | undefined;
  return typeof body?.message === 'string' ? body.message : null;
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
  /** The member's name; null for the client opening a link. */
  who: string | null;
  action: Message;
  /** The entry's label now; null once deleted. */
  label: string | null;
  recipient: string | null;
};

/** One line of «Журнал доступа»: when, who, what, which entry. */
export function accessLine(row: VaultAccessView, timeZone?: string): AccessLine {
  return {
    id: row.id,
    at: row.at,
    when: formatDateTime(row.at, timeZone),
    who: row.person ? personName(row.person) : null,
    action: message(`vault-action-${row.action}`),
    label: row.label,
    recipient: row.recipient ?? null,
  };
}

/** «Скрыть (28)»: whole seconds left of a reveal, never below zero. */
export function secondsLeft(untilMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((untilMs - nowMs) / 1000));
}
