import type { CardSnapshot, Move } from '../../rules';
import { STAGE } from './default-rules';

// Builders of cards for the default process (rules/radio-onboarding.yaml), shared with the server
// tests. The identifiers are real: Sberbank's INN, KPP, OGRN and BIK, and an account number whose
// control key matches that BIK.

type Station = Record<string, unknown>;
type Checklists = CardSnapshot['checklists'];

const LAUNCH = ['Потоки добавлены', 'Опции включены', 'Воспроизведение проверено', 'Доступы отправлены клиенту'];
const REGISTRATION = ['Биллинг', 'Учётная система', 'Роялти за стороннее ПО', 'CRM', 'Список клиентов'];

/** What each stage's gate adds to a card, in process order. */
const STEPS: { list: string; station?: Station; checklists?: Checklists }[] = [
  { list: STAGE.request },
  {
    list: STAGE.data,
    station: {
      'station.name': 'Радио Рокс',
      'station.city': 'Москва',
      'contact.name': 'Иван Петров',
      'contact.phone': '+7 999 123-45-67',
      'contact.email': 'tech@radio-rocks.ru',
    },
  },
  {
    list: STAGE.techReview,
    station: {
      streams: [{ name: 'Основной', codec: 'mp3', bitrate: 128, sampleRate: 44100, sourceUrl: 'icecast://source.radio-rocks.ru:8000/live' }],
    },
  },
  {
    list: STAGE.contract,
    station: {
      'tech.approved': true,
      'org.name': 'ПАО Сбербанк',
      'org.inn': '7707083893',
      'org.kpp': '773601001',
      'org.ogrn': '1027700132195',
      'org.bik': '044525225',
      'org.account': '40702810638000000000',
    },
  },
  {
    list: STAGE.connection,
    station: {
      'contract.number': 'РР-2024/017',
      'contract.date': '2024-05-01',
      'contract.signed': true,
      'payment.received': true,
      'contract.tariff': 'standard',
      'contract.monthlyFee': 15000,
    },
  },
  { list: STAGE.access, station: { 'broadcast.live': true, options: ['statistics', 'adInsertion'] } },
  { list: STAGE.accounting, checklists: [checklist('Запуск', LAUNCH, true)] },
  { list: STAGE.active, checklists: [checklist('Регистрация клиента', REGISTRATION, true)] },
];

/** A card with everything every gate up to and including `stageList` asks for, and nothing more. */
export function readyCardFor(stageList: string): CardSnapshot {
  // A suspended client is an active client who has not paid: the same data.
  const list = stageList === STAGE.suspended ? STAGE.active : stageList;
  const upTo = STEPS.findIndex((step) => step.list === list);
  if (upTo < 0) throw new Error(`readyCardFor: "${stageList}" is not a stage of the default process`);
  const steps = STEPS.slice(0, upTo + 1);
  return {
    name: 'Радио Рокс',
    station: Object.assign({}, ...steps.map((step) => step.station ?? {})),
    checklists: steps.flatMap((step) => step.checklists ?? []),
  };
}

export function emptyCard(): CardSnapshot {
  return { name: 'Новая станция', station: {}, checklists: [] };
}

/** The card with station values replaced; `undefined` removes a value. */
export function withStation(card: CardSnapshot, patch: Station): CardSnapshot {
  const station = { ...card.station, ...patch };
  for (const [key, value] of Object.entries(patch)) if (value === undefined) delete station[key];
  return { ...card, station };
}

/** The card with one checklist item unticked (it stays on the card). */
export function withUnticked(card: CardSnapshot, checklistName: string, itemName: string): CardSnapshot {
  return {
    ...card,
    checklists: card.checklists.map((c) =>
      c.name !== checklistName
        ? c
        : { ...c, items: c.items.map((i) => (i.name === itemName ? { ...i, complete: false } : i)) },
    ),
  };
}

export function withoutChecklist(card: CardSnapshot, checklistName: string): CardSnapshot {
  return { ...card, checklists: card.checklists.filter((c) => c.name !== checklistName) };
}

export function checklist(name: string, items: readonly string[], complete: boolean): Checklists[number] {
  return { name, items: items.map((item) => ({ name: item, complete })) };
}

export function moveCard(fromList: string | null, toList: string, mover: string): Move {
  return { kind: 'move', fromList, toList, mover };
}

export function createCard(toList: string, mover: string): Move {
  return { kind: 'create', fromList: null, toList, mover };
}
