import type { Language } from '../../../rules';
import type { Notice } from '../notice';
import { deadlineEscalated, deadlinePassed } from './deadlines';
import { mention, type Message } from './message';
import { moveReverted } from './move-reverted';
import { stageEntered } from './stage-entered';
import { suspension } from './suspension';

/** The one template set: every kind of notice, in the config's language, for every channel. */
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
  }
}

/** A card comment: the people it is for first, so Trello notifies each of them by mention. */
export function commentText(notice: Notice, language: Language, usernames: readonly string[]): string {
  return `${usernames.map(mention).join(' ')}, ${renderMessage(notice, language).comment}`;
}

/** A chat message or an e-mail body: the message, then the card's link on a line of its own. */
export function plainText(notice: Notice, language: Language): string {
  return [...renderMessage(notice, language).text, cardLink(notice)].join('\n');
}

/** Trello opens a card by its short link or by its id alike. */
export function cardLink(notice: Notice): string {
  return notice.cardUrl ?? `https://trello.com/c/${notice.cardId}`;
}
