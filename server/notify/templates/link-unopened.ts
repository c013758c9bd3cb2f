import type { Language } from '../../../rules';
import type { Notice } from '../notice';
import { capitalise, day, type Message } from './message';

type LinkUnopened = Extract<Notice, { kind: 'link-unopened' }>;

const phrases = {
  ru: {
    subject: (n: LinkUnopened) => `«${n.cardName}»: клиент не открыл доступы`,
    lead: (n: LinkUnopened) =>
      n.recipient
        ? `станция «${n.cardName}»: клиент не открыл ссылку на доступы, отправленную ${day(n.sentAt, 'ru')} на ${n.recipient}.`
        : `станция «${n.cardName}»: клиент не открыл ссылку на доступы, созданную ${day(n.sentAt, 'ru')}.`,
    advice: (n: LinkUnopened) => `Ссылка действует до ${day(n.expiresAt, 'ru')}; проверьте, дошла ли она, или отправьте новую.`,
  },
  en: {
    subject: (n: LinkUnopened) => `"${n.cardName}": the client has not opened the credentials`,
    lead: (n: LinkUnopened) =>
      n.recipient
        ? `station "${n.cardName}": the client has not opened the credentials link sent on ${day(n.sentAt, 'en')} to ${n.recipient}.`
        : `station "${n.cardName}": the client has not opened the credentials link made on ${day(n.sentAt, 'en')}.`,
    advice: (n: LinkUnopened) => `The link is valid until ${day(n.expiresAt, 'en')}; check it arrived, or send a new one.`,
  },
} satisfies Record<Language, unknown>;

/** A credentials link still unopened when the stage's time is up: its owners check it arrived. */
export function linkUnopened(notice: LinkUnopened, language: Language): Message {
  const p = phrases[language];
  const lead = p.lead(notice);
  return { subject: p.subject(notice), comment: `${lead} ${p.advice(notice)}`, text: [capitalise(lead), p.advice(notice)] };
}
