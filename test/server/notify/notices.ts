import type { CardNotice, Notice } from '../../../server/notify/notice';

// One notice of each kind, as the worker, the deadline scheduler and the webhook check build them.

const card = { actionId: 'a1', boardId: 'b1', cardId: '5f1c0ffee0000000000000c1', cardName: 'Радио Ромашка', cardUrl: 'https://trello.com/c/AbCd1234' };
const director = { username: 'director', fullName: 'Ирина Директорова' };

export const stageEntered: Extract<Notice, { kind: 'stage-entered' }> = {
  ...card, kind: 'stage-entered', arrival: 'move', stage: 'Подключение', mover: director, recipients: ['engineer', 'engineer2'],
  next: {
    stage: 'Выдача доступов',
    needs: [{ ru: 'не отмечено поле «Потоки заведены в вещательную инфраструктуру»', en: 'field "Streams are live" is not checked' }],
  },
};

export const moveReverted: Extract<Notice, { kind: 'move-reverted' }> = {
  ...card, kind: 'move-reverted', attemptedStage: 'Подключение', revertedTo: 'Договор и оплата', mover: { username: 'manager', fullName: '' },
  reasons: [
    { ru: 'переместить в «Подключение» может только директор (Ирина Директорова, @director)', en: 'only director (Ирина Директорова, @director) may move cards into "Подключение"' },
    { ru: 'не отмечено поле «Договор подписан»', en: 'field "Contract signed" is not checked' },
  ],
};

export const deadlinePassed: Extract<Notice, { kind: 'deadline-passed' }> = {
  ...card, actionId: 'deadline-1', kind: 'deadline-passed', stage: 'Подключение',
  enteredAt: '2026-11-16T09:00:00.000Z', deadline: '2026-11-18T15:00:00.000Z', limit: { days: 2 }, recipients: ['engineer'],
};

export const deadlineEscalated: Extract<Notice, { kind: 'deadline-escalated' }> = {
  ...card, actionId: 'escalation-1', kind: 'deadline-escalated', stage: 'Подключение',
  enteredAt: '2026-11-16T09:00:00.000Z', deadline: '2026-11-18T15:00:00.000Z', owners: ['engineer'], recipients: ['director'],
};

export const suspended: Extract<Notice, { kind: 'suspended' | 'resumed' }> = {
  ...card, kind: 'suspended', stage: 'Приостановлен (задолженность)', mover: { username: 'accountant', fullName: 'Мария Иванова' }, recipients: ['engineer'],
};

export const resumed: Extract<Notice, { kind: 'suspended' | 'resumed' }> = { ...suspended, kind: 'resumed', stage: 'Активный клиент' };

export const EVERY_CARD_KIND: CardNotice[] = [stageEntered, moveReverted, deadlinePassed, deadlineEscalated, suspended, resumed];

export const webhookRestored: Extract<Notice, { kind: 'webhook-restored' }> = {
  kind: 'webhook-restored', actionId: 'webhook-restored-b1-1', boardId: 'b1', boardName: 'Подключение станций',
  change: 're-registered', recipients: ['director'],
};
