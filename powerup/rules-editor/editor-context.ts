import type { RulesProblem } from '../../rules';
import { personWithLogin } from '../../rules/process/person-label';
import type { Localize } from '../i18n/localize';
import type { RulesAuthor } from '../model/api-contract';
import { problemWhere } from '../model/rules-runtime';
import { failureOf } from './rules-api';

/** What every part of the rules editor needs to write its texts and act. */
export type EditorContext = {
  localize: Localize;
  locale: string;
  language: 'ru' | 'en';
  /** Opens a card over the board (t.showCard). */
  showCard(cardId: string): void;
};

/** A failed call in plain words: offline, the server's trouble, or the server's own refusal. */
export function failureText(ctx: EditorContext, err: unknown): string {
  const failure = failureOf(err);
  switch (failure.kind) {
    case 'offline':
      return ctx.localize.text('rules-editor-offline');
    case 'server':
      return ctx.localize.text('rules-editor-server-error', { status: String(failure.status) });
    case 'refused':
      return failure.message;
    case 'other':
      return ctx.localize.text('rules-editor-failed', { reason: failure.message });
  }
}

export function problemLabel(problem: RulesProblem): string {
  const where = problemWhere(problem);
  return where ? `${where}: ${problem.message}` : problem.message;
}

/** «28.11.2026, 14:05» / "Nov 28, 2026, 2:05 PM" in the member's locale. */
export function formatTime(ctx: EditorContext, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(ctx.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** «Ирина Директорова (@director)», or «файл» for the version the service read from its rules file. */
export function authorText(ctx: EditorContext, author: RulesAuthor): string {
  return author ? personWithLogin(author) : ctx.localize.text('rules-editor-author-file');
}
