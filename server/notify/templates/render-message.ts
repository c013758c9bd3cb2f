import type { Language } from '../../../rules';
import { isCardNotice, type CardNotice, type Notice } from '../notice';
import { deadlineEscalated, deadlinePassed } from './deadlines';
import { inertNotice } from './inert-notice';
import { linkUnopened } from './link-unopened';
import type { TextDialect } from './inert-text';
import { capitalise, mention, type Message } from './message';
import { moveReverted } from './move-reverted';
import { stageEntered } from './stage-entered';
import { suspension } from './suspension';
import { webhookRestored } from './webhook-restored';

/**
 * The one template set: every kind of notice, in the config's language, for every channel. The
 * text is the notice's as is; channels go through `commentText`, `plainText` and `subjectLine`,
 * which first make the board's text inert for them.
 */
export function renderMessage(notice: Notice, language: Language): Message {
  switch (notice.kind) {
    case 'stage-entered':
      return stageEntered(notice, language);
    case 'move-reverted':
      return moveReverted(notice, language);
    case 'deadline-passed':
      return deadlinePassed(notice, language);
    case 'deadline-escalated':
      return deadlineEscalated(notice, language);
    case 'suspended':
    case 'resumed':
      return suspension(notice, language);
    case 'webhook-restored':
      return webhookRestored(notice, language);
    case 'link-unopened':
      return linkUnopened(notice, language);
  }
}

/**
 * A card comment: the people it is for first, so Trello notifies each of them by mention — those
 * are the only mentions in it. Without anyone to mention (a refused move nobody can be named for)
 * the message stands alone.
 */
export function commentText(notice: CardNotice, language: Language, usernames: readonly string[]): string {
  const { comment } = renderMessage(inertNotice(notice, 'trello-markdown'), language);
  const mentions = usernames.filter((name) => name !== '').map(mention);
  return mentions.length > 0 ? `${mentions.join(' ')}, ${comment}` : capitalise(comment);
}

/** A chat message or an e-mail body: the message, then the card's (or board's) link on a line of its own. */
export function plainText(notice: Notice, language: Language, dialect: TextDialect = 'plain'): string {
  return [...renderMessage(inertNotice(notice, dialect), language).text, noticeLink(notice)].join('\n');
}

/** The e-mail subject, also sent with a webhook: one line. */
export function subjectLine(notice: Notice, language: Language): string {
  return renderMessage(inertNotice(notice, 'plain'), language).subject;
}

/** Trello opens a card by its short link or by its id alike. */
export function cardLink(notice: CardNotice): string {
  return notice.cardUrl ?? `https://trello.com/c/${notice.cardId}`;
}

/** Trello opens a board by its id as by its short link. */
export function boardLink(notice: Notice): string {
  return `https://trello.com/b/${notice.boardId}`;
}

/** Where a reader goes to act: the card, or the board for a notice about the board. */
export function noticeLink(notice: Notice): string {
  return isCardNotice(notice) ? cardLink(notice) : boardLink(notice);
}
