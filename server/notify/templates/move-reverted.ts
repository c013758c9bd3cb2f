import type { Language } from '../../../rules';
import type { Notice } from '../notice';
import { bullets, isUnknown, who, type Message } from './message';

type MoveReverted = Extract<Notice, { kind: 'move-reverted' }>;

const phrases = {
  ru: {
    subject: (n: MoveReverted) => `«${n.cardName}» не перешла в «${n.attemptedStage}»`,
    lead: (n: MoveReverted) => `карточку нельзя было переместить в «${n.attemptedStage}» — она возвращена в «${n.revertedTo}».`,
    headline: (n: MoveReverted) =>
      `Станцию «${n.cardName}» нельзя было переместить в «${n.attemptedStage}» — она возвращена в «${n.revertedTo}».`,
    by: (n: MoveReverted) => (isUnknown(n.mover) ? 'Кто переместил — неизвестно.' : `Кто перемещал: ${who(n.mover)}.`),
    detected: 'Перемещение найдено проверкой доски: Trello не сообщил о нём вовремя.',
    reasons: 'Причины:',
  },
  en: {
    subject: (n: MoveReverted) => `"${n.cardName}" did not move to "${n.attemptedStage}"`,
    lead: (n: MoveReverted) => `this card could not move to "${n.attemptedStage}" — it is back in "${n.revertedTo}".`,
    headline: (n: MoveReverted) => `Station "${n.cardName}" could not move to "${n.attemptedStage}" — it is back in "${n.revertedTo}".`,
    by: (n: MoveReverted) => `Moved by${isUnknown(n.mover) ? ': unknown' : ` ${who(n.mover)}`}.`,
    detected: 'The move was found by a check of the board: Trello did not report it in time.',
    reasons: 'Reasons:',
  },
} satisfies Record<Language, unknown>;

/**
 * A move was undone: the mover learns why. Every reason is listed, however many: each is a thing
 * to fix before the next try, and the comment is the card's record of the refusal.
 */
export function moveReverted(notice: MoveReverted, language: Language): Message {
  const p = phrases[language];
  // The comment mentions the mover by username; without one, it says who moved, or that nobody knows.
  const lead = notice.mover.username ? p.lead(notice) : `${p.lead(notice)} ${p.by(notice)}`;
  const detected = notice.detectedBy ? [p.detected] : [];
  const reasons = [p.reasons, ...bullets(notice.reasons, language)];
  return {
    subject: p.subject(notice),
    comment: [lead, ...detected, ...reasons].join('\n'),
    text: [p.headline(notice), p.by(notice), ...detected, ...reasons],
  };
}
