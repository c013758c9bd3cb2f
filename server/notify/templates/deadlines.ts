import type { Language } from '../../../rules';
import type { Notice } from '../notice';
import { capitalise, day, who, workingDays, workingHours, type Message } from './message';

type DeadlinePassed = Extract<Notice, { kind: 'deadline-passed' }>;
type DeadlineEscalated = Extract<Notice, { kind: 'deadline-escalated' }>;

const phrases = {
  ru: {
    passedSubject: (n: DeadlinePassed) => `«${n.cardName}»: истёк срок этапа «${n.stage}»`,
    passed: (n: DeadlinePassed) =>
      `станция «${n.cardName}» в «${n.stage}» с ${day(n.enteredAt, 'ru')}: срок этапа истёк ${day(n.deadline, 'ru')}.`,
    limit: (amount: string) => `Лимит этапа — ${amount}.`,
    escalatedSubject: (n: DeadlineEscalated) => `«${n.cardName}» застряла в «${n.stage}»`,
    escalated: (n: DeadlineEscalated) => `станция «${n.cardName}» застряла в «${n.stage}»: срок истёк ${day(n.deadline, 'ru')}.`,
    owners: (n: DeadlineEscalated) => `${n.owners.length === 1 ? 'Ответственный' : 'Ответственные'}: ${ownersNamed(n)}.`,
  },
  en: {
    passedSubject: (n: DeadlinePassed) => `"${n.cardName}": time is up in "${n.stage}"`,
    passed: (n: DeadlinePassed) =>
      `station "${n.cardName}" has been in "${n.stage}" since ${day(n.enteredAt, 'en')}: the stage's time ran out on ${day(n.deadline, 'en')}.`,
    limit: (amount: string) => `The stage's limit is ${amount}.`,
    escalatedSubject: (n: DeadlineEscalated) => `"${n.cardName}" is stuck in "${n.stage}"`,
    escalated: (n: DeadlineEscalated) => `station "${n.cardName}" is stuck in "${n.stage}": its time ran out on ${day(n.deadline, 'en')}.`,
    owners: (n: DeadlineEscalated) => `${n.owners.length === 1 ? 'Owner' : 'Owners'}: ${ownersNamed(n)}.`,
  },
} satisfies Record<Language, unknown>;

/**
 * The owners an escalation names, each mentioned so they hear it too: «Евгений Инженеров
 * (@engineer), @engineer2» when the board gave names, «@engineer @engineer2» without any.
 */
function ownersNamed(n: DeadlineEscalated): string {
  const people = n.owners.map((username, i) => who({ username, fullName: n.ownerNames?.[i] ?? '' }));
  return people.join(n.ownerNames ? ', ' : ' ');
}

/** The stage's time ran out: its owners hear first. */
export function deadlinePassed(notice: DeadlinePassed, language: Language): Message {
  const p = phrases[language];
  const lead = p.passed(notice);
  const limit = limitText(notice.limit, language);
  const extra = limit ? [p.limit(limit)] : [];
  return { subject: p.passedSubject(notice), comment: [lead, ...extra].join(' '), text: [capitalise(lead), ...extra] };
}

/** Still stuck after the escalation delay: the controllers hear, with the owners named. */
export function deadlineEscalated(notice: DeadlineEscalated, language: Language): Message {
  const p = phrases[language];
  const lead = p.escalated(notice);
  return {
    subject: p.escalatedSubject(notice),
    comment: `${lead} ${p.owners(notice)}`,
    text: [capitalise(lead), p.owners(notice)],
  };
}

function limitText(limit: DeadlinePassed['limit'], language: Language): string | undefined {
  if (limit.days !== undefined) return workingDays(limit.days, language);
  if (limit.hours !== undefined) return workingHours(limit.hours, language);
  return undefined;
}
