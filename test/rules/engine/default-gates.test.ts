import { evaluate, type CardSnapshot, type Decision } from '../../../rules';
import { loadDefaultRules, MEMBER, STAGE } from '../default-rules';
import { moveCard, readyCardFor, withoutChecklist, withStation, withUnticked } from '../station-builders';

// Every gate of the default process, both ways: a card ready for the stage goes in from the stage
// before; a card missing one thing is refused, and the refusal names that thing.

const config = loadDefaultRules();

function step(from: string, to: string, card: CardSnapshot, mover: string = MEMBER.director): Decision {
  return evaluate(config, moveCard(from, to, mover), card);
}

function failuresOf(decision: Decision) {
  if (decision.verdict !== 'deny') throw new Error(`expected a refusal, got ${JSON.stringify(decision)}`);
  return decision.failures.map(({ code, stage, ru, en }) => ({ code, stage, ru, en }));
}

describe('the default process, stage by stage', () => {
  const forward: [string, string, string][] = [
    [STAGE.request, STAGE.data, MEMBER.manager],
    [STAGE.data, STAGE.techReview, MEMBER.manager],
    [STAGE.techReview, STAGE.contract, MEMBER.engineer],
    [STAGE.contract, STAGE.connection, MEMBER.director],
    [STAGE.connection, STAGE.access, MEMBER.engineer],
    [STAGE.access, STAGE.accounting, MEMBER.engineer],
    [STAGE.accounting, STAGE.active, MEMBER.accountant],
  ];

  it.each(forward)('lets a ready card move from «%s» to «%s» (by %s)', (from, to, mover) => {
    expect(step(from, to, readyCardFor(to), mover)).toEqual({ verdict: 'allow', stage: expect.objectContaining({ list: to }), direction: 'forward' });
  });

  describe('into «Сбор данных»', () => {
    it('refuses a card without the station name', () => {
      expect(failuresOf(step(STAGE.request, STAGE.data, withStation(readyCardFor(STAGE.data), { 'station.name': undefined })))).toEqual([
        { code: 'field_missing', stage: STAGE.data, ru: 'не заполнено поле «Название станции»', en: 'field "Station name" is empty' },
      ]);
    });

    it('refuses a card with neither a phone nor an e-mail', () => {
      const card = withStation(readyCardFor(STAGE.data), { 'contact.phone': undefined, 'contact.email': undefined });
      expect(failuresOf(step(STAGE.request, STAGE.data, card))).toEqual([
        { code: 'field_missing', stage: STAGE.data, ru: 'не заполнено ни одно из полей: «Телефон», «E-mail»', en: 'none of the fields "Phone", "E-mail" is filled' },
      ]);
    });

    it('lets in a card with only an e-mail', () => {
      const card = withStation(readyCardFor(STAGE.data), { 'contact.phone': undefined });
      expect(step(STAGE.request, STAGE.data, card).verdict).toBe('allow');
    });
  });

  describe('into «Техническая экспертиза»', () => {
    it('refuses a card whose only stream has no source URL', () => {
      const card = withStation(readyCardFor(STAGE.techReview), { streams: [{ codec: 'mp3', bitrate: 128 }] });
      expect(failuresOf(step(STAGE.data, STAGE.techReview, card))).toEqual([
        {
          code: 'field_missing',
          stage: STAGE.techReview,
          ru: 'поле «Потоки»: требуется хотя бы 1 элемент, где заполнены «Кодек», «Битрейт, кбит/с», «Адрес источника» (сейчас 0); в №1 не заполнено: «Адрес источника»',
          en: 'field "Streams" needs at least 1 item with "Codec", "Bitrate, kbps", "Source URL" filled (now 0); #1 lacks "Source URL"',
        },
      ]);
    });
  });

  describe('into «Договор и оплата»', () => {
    it('refuses a card whose technical review is not approved', () => {
      const card = withStation(readyCardFor(STAGE.contract), { 'tech.approved': false });
      expect(failuresOf(step(STAGE.techReview, STAGE.contract, card))).toEqual([
        {
          code: 'field_not_true',
          stage: STAGE.contract,
          ru: 'не отмечено поле «Техническая экспертиза пройдена»',
          en: 'field "Technical review passed" is not checked',
        },
      ]);
    });

    it('refuses a card with a wrong INN check digit, a bad KPP and a wrong OGRN, all at once', () => {
      const card = withStation(readyCardFor(STAGE.contract), { 'org.inn': '7707083894', 'org.kpp': '77360100', 'org.ogrn': '1027700132196' });
      expect(failuresOf(step(STAGE.techReview, STAGE.contract, card)).map((f) => f.ru)).toEqual([
        'поле «ИНН» заполнено неверно: неверная контрольная цифра',
        'поле «КПП» заполнено неверно: КПП — 9 знаков: 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры',
        'поле «ОГРН / ОГРНИП» заполнено неверно: неверная контрольная цифра',
      ]);
    });

    it('lets in an individual entrepreneur with a 12-digit INN and an OGRNIP', () => {
      const card = withStation(readyCardFor(STAGE.contract), { 'org.inn': '500100732259', 'org.ogrn': '304500116000157' });
      expect(step(STAGE.techReview, STAGE.contract, card).verdict).toBe('allow');
    });
  });

  describe('into «Подключение» (gate 1)', () => {
    describe('when the contract is not signed', () => {
      it('refuses the move and names the field', () => {
        const card = withStation(readyCardFor(STAGE.connection), { 'contract.signed': false });
        expect(failuresOf(step(STAGE.contract, STAGE.connection, card))).toEqual([
          { code: 'field_not_true', stage: STAGE.connection, ru: 'не отмечено поле «Договор подписан»', en: 'field "Contract signed" is not checked' },
        ]);
      });
    });

    it('refuses a card without the first payment, the contract number or its date', () => {
      const card = withStation(readyCardFor(STAGE.connection), { 'payment.received': undefined, 'contract.number': ' ', 'contract.date': '2024-02-30' });
      expect(failuresOf(step(STAGE.contract, STAGE.connection, card)).map((f) => f.en)).toEqual([
        'field "Contract number" is empty',
        'field "Contract date" is invalid: no such date: 2024-02-30',
        'field "First payment received" is not checked',
      ]);
    });

    describe('when someone other than the director moves a ready card', () => {
      it.each([MEMBER.manager, MEMBER.engineer, MEMBER.accountant])('refuses %s', (mover) => {
        expect(failuresOf(step(STAGE.contract, STAGE.connection, readyCardFor(STAGE.connection), mover))).toEqual([
          {
            code: 'role_not_allowed',
            stage: STAGE.connection,
            ru: 'переместить в «Подключение» может только директор (@director)',
            en: 'only director (@director) may move cards into "Подключение"',
          },
        ]);
      });
    });
  });

  describe('into «Выдача доступов»', () => {
    it('refuses a card whose streams are not live yet', () => {
      const card = withStation(readyCardFor(STAGE.access), { 'broadcast.live': false });
      expect(failuresOf(step(STAGE.connection, STAGE.access, card))).toEqual([
        {
          code: 'field_not_true',
          stage: STAGE.access,
          ru: 'не отмечено поле «Потоки заведены в вещательную инфраструктуру»',
          en: 'field "Streams are live in the broadcast infrastructure" is not checked',
        },
      ]);
    });
  });

  describe('into «Регистрация в учёте»', () => {
    it('refuses a card whose credentials were not sent', () => {
      const card = withUnticked(readyCardFor(STAGE.accounting), 'Запуск', 'Доступы отправлены клиенту');
      expect(failuresOf(step(STAGE.access, STAGE.accounting, card))).toEqual([
        {
          code: 'checklist_incomplete',
          stage: STAGE.accounting,
          ru: 'не отмечен пункт «Доступы отправлены клиенту» чек-листа «Запуск»',
          en: 'item "Доступы отправлены клиенту" of checklist "Запуск" is not checked',
        },
      ]);
    });

    it('refuses a card that lost its «Запуск» checklist', () => {
      expect(failuresOf(step(STAGE.access, STAGE.accounting, withoutChecklist(readyCardFor(STAGE.accounting), 'Запуск')))).toEqual([
        { code: 'checklist_missing', stage: STAGE.accounting, ru: 'на карточке нет чек-листа «Запуск»', en: 'the card has no checklist "Запуск"' },
      ]);
    });
  });

  describe('into «Активный клиент» (gate 2)', () => {
    it('refuses a client not yet in billing, and names the item', () => {
      const card = withUnticked(readyCardFor(STAGE.active), 'Регистрация клиента', 'Биллинг');
      expect(failuresOf(step(STAGE.accounting, STAGE.active, card, MEMBER.accountant))).toEqual([
        {
          code: 'checklist_incomplete',
          stage: STAGE.active,
          ru: 'не отмечен пункт «Биллинг» чек-листа «Регистрация клиента»',
          en: 'item "Биллинг" of checklist "Регистрация клиента" is not checked',
        },
      ]);
    });

    it('lists all five places when none is ticked', () => {
      let card = readyCardFor(STAGE.active);
      for (const item of ['Биллинг', 'Учётная система', 'Роялти за стороннее ПО', 'CRM', 'Список клиентов']) {
        card = withUnticked(card, 'Регистрация клиента', item);
      }
      expect(failuresOf(step(STAGE.accounting, STAGE.active, card))).toHaveLength(5);
    });
  });
});
