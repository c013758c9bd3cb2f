import type { Failure } from '../../rules';
import type { Message } from '../i18n/message';

/** The badge colours this Power-Up uses, from Trello's documented set. */
export type BadgeColor = 'green' | 'yellow' | 'red' | null;

export type BadgeKind = 'readiness' | 'checklist' | 'time';

/** What a badge says, before localization; the capabilities turn it into Trello's badge objects. */
export type BadgeModel = {
  kind: BadgeKind;
  /** The detail badge's title on the card back. */
  title: Message;
  text: Message;
  color: BadgeColor;
  /** Readiness only: the stage the card goes to next and what it lacks for it. */
  next?: string;
  failures?: Failure[];
};
