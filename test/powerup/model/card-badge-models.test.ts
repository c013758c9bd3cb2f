import { cardBadgeModels } from '../../../powerup/model/card-badge-models';
import type { BadgeModel } from '../../../powerup/model/badge-model';
import type { CardSnapshot } from '../../../rules';
import { loadDefaultRules, STAGE } from '../../rules/default-rules';
import { checklist, emptyCard, readyCardFor } from '../../rules/station-builders';
import { localized } from '../support/localize';

const config = loadDefaultRules();
const badges = (listName: string, card: CardSnapshot) => cardBadgeModels({ config, listName, card, time: null });
const readiness = (models: BadgeModel[]) => models.find((b) => b.kind === 'readiness');

/** A card that has everything its current stage asked for, and nothing the next one asks. */
const cardIn = (list: string) => (list === STAGE.request ? emptyCard() : readyCardFor(list));

describe('the readiness badge, for every stage of the default process', () => {
  it.each([
    [STAGE.request, STAGE.data, 'К «Сбор данных»: 2 поля', 'red'],
    [STAGE.data, STAGE.techReview, 'К «Техническая экспертиза»: 1 поле', 'red'],
    [STAGE.techReview, STAGE.contract, 'К «Договор и оплата»: 4 поля', 'red'],
    [STAGE.contract, STAGE.connection, 'К «Подключение»: 4 поля', 'red'],
    [STAGE.connection, STAGE.access, 'К «Выдача доступов»: 1 поле', 'red'],
    [STAGE.access, STAGE.accounting, 'К «Регистрация в учёте»: 1 условие', 'red'],
    [STAGE.accounting, STAGE.active, 'К «Активный клиент»: 1 условие', 'red'],
  ])('in «%s» it counts what «%s» still needs: %s', (list, next, text, color) => {
    const badge = readiness(badges(list, cardIn(list)));
    expect(badge).toMatchObject({ next, color });
    expect(localized(badge!.text)).toBe(text);
    // The card has everything its own stage needed: what is left is the next gate's alone.
    expect(new Set(badge!.failures!.map((f) => f.stage))).toEqual(new Set([next]));
  });

  it.each([
    [STAGE.request, STAGE.data],
    [STAGE.data, STAGE.techReview],
    [STAGE.techReview, STAGE.contract],
    [STAGE.contract, STAGE.connection],
    [STAGE.connection, STAGE.access],
    [STAGE.access, STAGE.accounting],
    [STAGE.accounting, STAGE.active],
  ])('in «%s» with everything «%s» asks it says so in green', (list, next) => {
    const badge = readiness(badges(list, readyCardFor(next)));
    expect(badge).toMatchObject({ color: 'green', failures: [] });
    expect(localized(badge!.text)).toBe(`Готово к «${next}»`);
    expect(localized(badge!.text, 'en')).toBe(`Ready for “${next}”`);
  });

  it('tells a member who may not move the ready card on whom to ask, and the one who may that it is ready', () => {
    const movers = { [STAGE.connection]: { allowed: false, people: ['Ирина Директорова'] } };
    const ready = readyCardFor(STAGE.connection);
    const forManager = readiness(cardBadgeModels({ config, listName: STAGE.contract, card: ready, time: null, movers }))!;
    expect(forManager).toMatchObject({ color: 'green', next: STAGE.connection, failures: [] });
    expect(localized(forManager.text)).toBe('Готово — переместить может Ирина Директорова');
    expect(localized(forManager.text, 'en')).toBe('Ready — Ирина Директорова may move it on');

    const two = { [STAGE.connection]: { allowed: false, people: ['Ирина Директорова', 'Анна Бухгалтерова'] } };
    expect(localized(readiness(cardBadgeModels({ config, listName: STAGE.contract, card: ready, time: null, movers: two }))!.text))
      .toBe('Готово — переместить могут Ирина Директорова, Анна Бухгалтерова');

    const forDirector = { [STAGE.connection]: { allowed: true, people: ['Ирина Директорова'] } };
    expect(localized(readiness(cardBadgeModels({ config, listName: STAGE.contract, card: ready, time: null, movers: forDirector }))!.text))
      .toBe(`Готово к «${STAGE.connection}»`);
    // Not ready: what is missing comes first, whoever may move it.
    expect(localized(readiness(cardBadgeModels({ config, listName: STAGE.contract, card: readyCardFor(STAGE.contract), time: null, movers }))!.text))
      .toBe('К «Подключение»: 4 поля');
  });

  it.each([STAGE.active, STAGE.suspended, 'Архив'])('in «%s» there is no next stage and no readiness badge', (list) => {
    expect(readiness(badges(list, readyCardFor(STAGE.active)))).toBeUndefined();
  });

  it('lists exactly what the gate of «Подключение» lacks, in Russian and English', () => {
    const badge = readiness(badges(STAGE.contract, readyCardFor(STAGE.contract)))!;
    expect(badge.failures!.map((f) => f.ru)).toEqual([
      'не заполнено поле «Номер договора»',
      'не заполнено поле «Дата договора»',
      'не отмечено поле «Договор подписан»',
      'не отмечено поле «Первый платёж получен»',
    ]);
    expect(badge.failures![0]!.en).toBe('field "Contract number" is empty');
  });

  it('counts unticked checklist items as «пункты» and mixed gaps as «условия»', () => {
    const launch = checklist('Запуск', ['Потоки добавлены', 'Опции включены', 'Воспроизведение проверено', 'Доступы отправлены клиенту'], false);
    const card = { ...readyCardFor(STAGE.access), checklists: [launch] };
    expect(localized(readiness(badges(STAGE.access, card))!.text)).toBe('К «Регистрация в учёте»: 4 пункта');
    const mixed = { ...card, station: { ...card.station, 'broadcast.live': false } };
    expect(localized(readiness(badges(STAGE.access, mixed))!.text)).toBe('К «Регистрация в учёте»: 5 условий');
    expect(localized(readiness(badges(STAGE.access, mixed))!.text, 'en')).toBe('For “Регистрация в учёте”: 5 conditions');
  });

  it('reports a wrongly filled field as missing for the next stage', () => {
    const card = readyCardFor(STAGE.contract);
    const wrongInn = { ...card, station: { ...card.station, 'org.inn': '7707083894' } };
    const failures = readiness(badges(STAGE.contract, wrongInn))!.failures!;
    expect(failures[0]).toMatchObject({ code: 'field_invalid', stage: STAGE.contract });
    expect(failures).toHaveLength(5);
  });
});
