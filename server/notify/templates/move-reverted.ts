import type { Language } from '../../../rules';
import type { Notice } from '../notice';
import { bullets, who, type Message } from './message';

type MoveReverted = Extract<Notice, { kind: 'move-reverted' }>;

const phrases = {
  ru: {
    subject: (n: MoveReverted) => `«${n.cardName}» не перешла в «${n.attemptedStage}»`,
    lead: (n: MoveReverted) => `карточку нельзя было переместить в «${n.attemptedStage}» — она возвращена в «${n.revertedTo}».`,
    headline: (n: MoveReverted) =>
      `Станцию «${n.cardName}» нельзя было переместить в «${n.attemptedStage}» — она возвращена в «${n.revertedTo}».`,
    by: (n: MoveReverted) => `Перемещал(а): ${who(n.mover)}.`,
    reasons: 'Причины:',
  },
  en: {
    subject: (n: MoveReverted) => `"${n.cardName}" did not move to "${n.attemptedStage}"`,
    lead: (n: MoveReverted) => `this card could not move to "${n.attemptedStage}" — it is back in "${n.revertedTo}".`,
    headline: (n: MoveReverted) => `Station "${n.cardName}" could not move to "${n.attemptedStage}" — it is back in "${n.revertedTo}".`,
    by: (n: MoveReverted) => `Moved by ${who(n.mover)}.`,
    reasons: 'Reasons:',
  },
} satisfies Record<Language, unknown>;

/**
 * A move was undone: the mover learns why. Every reason is listed, however many: each is a thing
 * to fix before the next try, and the comment is the card's record of the refusal.
 */
export function moveReverted(notice: MoveReverted, language: Language): Message {
  const p = phrases[language];
  const reasons = [p.reasons, ...bullets(notice.reasons, language)];
  return {
    subject: p.subject(notice),
    comment: [p.lead(notice), ...reasons].join('\n'),
    text: [p.headline(notice), p.by(notice), ...reasons],
  };
}
