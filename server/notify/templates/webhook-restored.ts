import type { Language } from '../../../rules';
import type { Notice } from '../notice';
import { russianPlural, type Message } from './message';

type WebhookRestored = Extract<Notice, { kind: 'webhook-restored' }>;

const phrases = {
  ru: {
    board: (n: WebhookRestored) => (n.boardName ? `доски «${n.boardName}»` : `доски ${n.boardId}`),
    subject: (board: string) => `Вебхук ${board} восстановлен`,
    're-registered': (board: string) => `Gatekeeper заново зарегистрировал вебхук ${board}: Trello удалил его.`,
    're-enabled': (board: string, failures?: number) =>
      `Gatekeeper снова включил вебхук ${board}: Trello отключил его после ${
        failures === undefined ? 'неудачных доставок' : `${failures} ${russianPlural(failures, ['неудачной доставки', 'неудачных доставок', 'неудачных доставок'])}`
      }.`,
    checked: 'Перемещения за это время проверены сверкой.',
  },
  en: {
    board: (n: WebhookRestored) => (n.boardName ? `board "${n.boardName}"` : `board ${n.boardId}`),
    subject: (board: string) => `Webhook of ${board} restored`,
    're-registered': (board: string) => `Gatekeeper registered the webhook of ${board} again: Trello had deleted it.`,
    're-enabled': (board: string, failures?: number) =>
      `Gatekeeper re-enabled the webhook of ${board}: Trello had disabled it after ${
        failures === undefined ? 'failed deliveries' : `${failures} failed deliver${failures === 1 ? 'y' : 'ies'}`
      }.`,
    checked: 'Card moves made meanwhile were checked by reconciliation.',
  },
} satisfies Record<Language, unknown>;

/**
 * The board's webhook is back: the admins learn that Trello had stopped telling the service about
 * moves, and that the moves made in that gap were checked anyway. About the board, so no card link.
 */
export function webhookRestored(notice: WebhookRestored, language: Language): Message {
  const p = phrases[language];
  const board = p.board(notice);
  const lead = p[notice.change](board, notice.consecutiveFailures);
  return { subject: p.subject(board), comment: `${lead} ${p.checked}`, text: [lead, p.checked] };
}
