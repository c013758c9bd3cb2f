import type { Language } from '../../../rules';
import type { Notice } from '../notice';
import { capitalise, isUnknown, who, type Message } from './message';

type Suspension = Extract<Notice, { kind: 'suspended' | 'resumed' }>;

const phrases = {
  ru: {
    suspended: {
      subject: (n: Suspension) => `«${n.cardName}» приостановлена — остановите вещание`,
      lead: (n: Suspension) => `станция «${n.cardName}» приостановлена за задолженность — остановите вещание.`,
    },
    resumed: {
      subject: (n: Suspension) => `«${n.cardName}» снова активна — возобновите вещание`,
      lead: (n: Suspension) => `станция «${n.cardName}» снова активна — возобновите вещание.`,
    },
    by: (n: Suspension) => (isUnknown(n.mover) ? 'Кто переместил — неизвестно.' : `Кто переместил: ${who(n.mover)}.`),
  },
  en: {
    suspended: {
      subject: (n: Suspension) => `"${n.cardName}" suspended — stop the broadcast`,
      lead: (n: Suspension) => `station "${n.cardName}" is suspended for unpaid debt — stop the broadcast.`,
    },
    resumed: {
      subject: (n: Suspension) => `"${n.cardName}" active again — resume the broadcast`,
      lead: (n: Suspension) => `station "${n.cardName}" is active again — resume the broadcast.`,
    },
    by: (n: Suspension) => `Moved by${isUnknown(n.mover) ? ': unknown' : ` ${who(n.mover)}`}.`,
  },
} satisfies Record<Language, unknown>;

/** Suspension for debt and resumption after payment: the engineers act at once (docs/deadlines.md, Suspension). */
export function suspension(notice: Suspension, language: Language): Message {
  const p = phrases[language];
  const { subject, lead } = p[notice.kind];
  return {
    subject: subject(notice),
    comment: `${lead(notice)} ${p.by(notice)}`,
    text: [capitalise(lead(notice)), p.by(notice)],
  };
}
