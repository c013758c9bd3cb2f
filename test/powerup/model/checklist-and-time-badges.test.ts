import { cardBadgeModels } from '../../../powerup/model/card-badge-models';
import { statusIsFresh } from '../../../powerup/model/status-freshness';
import type { CardStatus, StageTime } from '../../../powerup/model/api-contract';
import { loadDefaultRules, STAGE } from '../../rules/default-rules';
import { checklist, readyCardFor } from '../../rules/station-builders';
import { localized } from '../support/localize';

const config = loadDefaultRules();
const REGISTRATION = ['Биллинг', 'Учётная система', 'Роялти за стороннее ПО', 'CRM', 'Список клиентов'];
const LAUNCH = ['Потоки добавлены', 'Опции включены', 'Воспроизведение проверено', 'Доступы отправлены клиенту'];

function badgeOf(kind: string, listName: string, card = readyCardFor(listName), time: StageTime | null = null) {
  return cardBadgeModels({ config, listName, card, time }).find((b) => b.kind === kind);
}

describe('the checklist badge of the current stage', () => {
  it('counts the ticked items of «Регистрация клиента» against the five the rules define', () => {
    const items = REGISTRATION.map((name, i) => ({ name, complete: i < 3 }));
    const card = { ...readyCardFor(STAGE.accounting), checklists: [{ name: 'Регистрация клиента', items }] };
    const badge = badgeOf('checklist', STAGE.accounting, card)!;
    expect(localized(badge.text)).toBe('Регистрация клиента 3/5');
    expect(badge.color).toBeNull();
  });

  it('turns green when every item is ticked, even if ticked in a second copy of the checklist', () => {
    const first = checklist('Запуск', LAUNCH, false);
    const second = { name: 'запуск ', items: LAUNCH.map((name) => ({ name, complete: true })) };
    const badge = badgeOf('checklist', STAGE.access, { ...readyCardFor(STAGE.access), checklists: [first, second] })!;
    expect(localized(badge.text)).toBe('Запуск 4/4');
    expect(badge.color).toBe('green');
  });

  it('shows 0 of all when the checklist has not been added yet, and ignores items people added', () => {
    const own = { name: 'Запуск', items: [{ name: 'Позвонить клиенту', complete: true }] };
    expect(localized(badgeOf('checklist', STAGE.access, { ...readyCardFor(STAGE.access), checklists: [own] })!.text)).toBe('Запуск 0/4');
    expect(localized(badgeOf('checklist', STAGE.access)!.text)).toBe('Запуск 0/4');
  });

  it.each([STAGE.request, STAGE.data, STAGE.techReview, STAGE.contract, STAGE.connection, STAGE.active, STAGE.suspended])(
    'is absent in «%s», which adds no checklist',
    (list) => expect(badgeOf('checklist', list, readyCardFor(STAGE.active))).toBeUndefined(),
  );
});

describe('the time-in-stage badge', () => {
  it.each([
    [{ elapsedDays: 1, limitDays: 5, state: 'ok' }, '1 из 5 раб. дн.', '1 of 5 working days', 'green'],
    [{ elapsedDays: 4.5, limitDays: 5, state: 'warning' }, '4,5 из 5 раб. дн.', '4.5 of 5 working days', 'yellow'],
    [{ elapsedDays: 7, limitDays: 5, state: 'overdue' }, '7 из 5 раб. дн.', '7 of 5 working days', 'red'],
    [{ elapsedDays: 12, limitDays: null, state: 'no-limit' }, '12 раб. дн.', '12 working days', null],
  ] as const)('%j reads «%s» / "%s" in %s', (time, ru, en, color) => {
    const badge = badgeOf('time', STAGE.connection, readyCardFor(STAGE.connection), time)!;
    expect([localized(badge.text), localized(badge.text, 'en'), badge.color]).toEqual([ru, en, color]);
  });

  it('is absent when the server does not know the time', () => {
    expect(badgeOf('time', STAGE.connection)).toBeUndefined();
  });
});

describe('whether the board status still describes a card', () => {
  const status: CardStatus = {
    listId: 'L1',
    checklists: [checklist('Запуск', LAUNCH, false)].map((c) => ({ ...c, items: c.items.map((i, n) => ({ ...i, complete: n < 2 })) })),
    stage: STAGE.access,
    enteredAt: '2026-11-20T10:00:00.000Z',
    time: null,
  };

  it('does while the list and the ticked counts agree with Trello', () => {
    expect(statusIsFresh({ idList: 'L1', checkItems: 4, checkItemsChecked: 2 }, status)).toBe(true);
  });

  it.each([
    ['the card moved', { idList: 'L2', checkItems: 4, checkItemsChecked: 2 }],
    ['an item was ticked', { idList: 'L1', checkItems: 4, checkItemsChecked: 3 }],
    ['an item was added', { idList: 'L1', checkItems: 5, checkItemsChecked: 2 }],
  ])('does not once %s', (_what, facts) => expect(statusIsFresh(facts, status)).toBe(false));

  it('does not for a card the status has never seen', () => {
    expect(statusIsFresh({ idList: 'L1', checkItems: 0, checkItemsChecked: 0 }, undefined)).toBe(false);
  });
});
