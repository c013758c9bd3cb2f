import type { Language } from '../../../rules';
import type { Notice } from '../notice';
import { bullets, capitalise, isUnknown, who, type Message } from './message';

type StageEntered = Extract<Notice, { kind: 'stage-entered' }>;
type Next = NonNullable<StageEntered['next']>;

/** Past this many missing items the list says "and N more": the card and the Power-Up have them all. */
const MAX_NEEDS = 5;

const phrases = {
  ru: {
    subject: (n: StageEntered) => `«${n.cardName}» — ваш этап «${n.stage}»`,
    lead: (n: StageEntered) =>
      n.arrival === 'create'
        ? `новая станция «${n.cardName}» в «${n.stage}» — ваш этап.`
        : `станция «${n.cardName}» перешла в «${n.stage}» — ваш этап.`,
    by: (n: StageEntered) => {
      if (isUnknown(n.mover)) return n.arrival === 'create' ? 'Кто создал — неизвестно.' : 'Кто переместил — неизвестно.';
      // «Кто переместил: …» rather than «Переместил(а)»: a neutral phrase for whoever it was.
      return `${n.arrival === 'create' ? 'Кто создал' : 'Кто переместил'}: ${who(n.mover)}.`;
    },
    detected: (n: StageEntered) =>
      n.arrival === 'create'
        ? 'Новая карточка найдена проверкой доски: Trello не сообщил о ней вовремя.'
        : 'Перемещение найдено проверкой доски: Trello не сообщил о нём вовремя.',
    needs: (next: Next) => `Чтобы перейти в «${next.stage}»:`,
    ready: (next: Next) => `Для «${next.stage}» всё заполнено.`,
  },
  en: {
    subject: (n: StageEntered) => `"${n.cardName}" — your stage "${n.stage}"`,
    lead: (n: StageEntered) =>
      n.arrival === 'create'
        ? `new station "${n.cardName}" in "${n.stage}" — your stage.`
        : `station "${n.cardName}" has reached "${n.stage}" — your stage.`,
    by: (n: StageEntered) => `${n.arrival === 'create' ? 'Created' : 'Moved'} by${isUnknown(n.mover) ? ': unknown' : ` ${who(n.mover)}`}.`,
    detected: (n: StageEntered) =>
      n.arrival === 'create'
        ? 'The new card was found by a check of the board: Trello did not report it in time.'
        : 'The move was found by a check of the board: Trello did not report it in time.',
    needs: (next: Next) => `Before "${next.stage}":`,
    ready: (next: Next) => `Everything "${next.stage}" needs is filled in.`,
  },
} satisfies Record<Language, unknown>;

/** A card arrived in a stage: its owners learn it is their turn, who moved it, what comes next. */
export function stageEntered(notice: StageEntered, language: Language): Message {
  const p = phrases[language];
  const lead = p.lead(notice);
  // Said of a move the board check found, so nobody takes Trello's silence for the service's.
  const detected = notice.detectedBy ? [p.detected(notice)] : [];
  const next = nextLines(notice.next, language);
  return {
    subject: p.subject(notice),
    comment: [`${lead} ${p.by(notice)}`, ...detected, ...next].join('\n'),
    text: [capitalise(lead), p.by(notice), ...detected, ...next],
  };
}

function nextLines(next: Next | undefined, language: Language): string[] {
  if (!next) return [];
  const p = phrases[language];
  if (next.needs.length === 0) return [p.ready(next)];
  return [p.needs(next), ...bullets(next.needs, language, MAX_NEEDS)];
}
