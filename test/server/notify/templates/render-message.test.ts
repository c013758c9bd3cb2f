import type { Language } from '../../../../rules';
import type { Notice } from '../../../../server/notify/notice';
import { commentText, plainText, renderMessage } from '../../../../server/notify/templates/render-message';
import { deadlineEscalated, deadlinePassed, EVERY_CARD_KIND, moveReverted, stageEntered, suspended, webhookRestored } from '../notices';

const LANGUAGES: Language[] = ['ru', 'en'];
const nobody = { username: '', fullName: '' };
/** Moves the reconciliation sweep found, one with its mover unknown. */
const found = {
  stageEntered: { ...stageEntered, detectedBy: 'reconciliation' as const },
  moveReverted: { ...moveReverted, detectedBy: 'reconciliation' as const, mover: nobody },
};

describe('the notification templates', () => {
  describe('when a card enters a stage', () => {
    it('tells the owners in a comment it is their turn, who moved it and what the next stage needs', () => {
      expect(commentText(stageEntered, 'ru', stageEntered.recipients)).toBe(
        '@engineer @engineer2, станция «Радио Ромашка» перешла в «Подключение» — ваш этап. Кто переместил: Ирина Директорова (@director).\n' +
          'Чтобы перейти в «Выдача доступов»:\n' +
          '• не отмечено поле «Потоки заведены в вещательную инфраструктуру»',
      );
    });

    it('says the same in a chat message, a line per fact, with the card link last', () => {
      expect(plainText(stageEntered, 'ru')).toBe(
        [
          'Станция «Радио Ромашка» перешла в «Подключение» — ваш этап.',
          'Кто переместил: Ирина Директорова (@director).',
          'Чтобы перейти в «Выдача доступов»:',
          '• не отмечено поле «Потоки заведены в вещательную инфраструктуру»',
          'https://trello.com/c/AbCd1234',
        ].join('\n'),
      );
      expect(plainText(stageEntered, 'en')).toBe(
        [
          'Station "Радио Ромашка" has reached "Подключение" — your stage.',
          'Moved by Ирина Директорова (@director).',
          'Before "Выдача доступов":',
          '• field "Streams are live" is not checked',
          'https://trello.com/c/AbCd1234',
        ].join('\n'),
      );
    });

    it('says a created card is new, and who created it', () => {
      const created = { ...stageEntered, arrival: 'create' as const };
      expect(plainText(created, 'ru')).toMatch(/^Новая станция «Радио Ромашка» в «Подключение» — ваш этап\.\nКто создал: Ирина/);
      expect(plainText(created, 'en')).toMatch(/^New station "Радио Ромашка" in "Подключение" — your stage\.\nCreated by Ирина/);
    });

    it('says when the next stage has everything it needs', () => {
      const ready = { ...stageEntered, next: { stage: 'Выдача доступов', needs: [] } };
      expect(renderMessage(ready, 'ru').text).toContain('Для «Выдача доступов» всё заполнено.');
      expect(renderMessage(ready, 'en').text).toContain('Everything "Выдача доступов" needs is filled in.');
    });

    it('shows five missing items and counts the rest, to fit a phone screen', () => {
      const needs = Array.from({ length: 8 }, (_, i) => ({ ru: `нет ${i + 1}`, en: `no ${i + 1}` }));
      const text = renderMessage({ ...stageEntered, next: { stage: 'Выдача доступов', needs } }, 'ru').text;
      expect(text.filter((line) => line.startsWith('• '))).toEqual(['• нет 1', '• нет 2', '• нет 3', '• нет 4', '• нет 5', '• …и ещё 3']);
    });

    it('says nothing of a next stage after the last one', () => {
      expect(renderMessage({ ...stageEntered, next: undefined }, 'ru').text).toHaveLength(2);
    });
  });

  describe('when a move is reverted', () => {
    // The director's username in a reason is shown, not mentioned (a joiner after the @): only the mover is notified.
    it('keeps the comment of the README: the mover, where the card went back, every reason', () => {
      expect(commentText(moveReverted, 'ru', ['manager'])).toBe(
        '@manager, карточку нельзя было переместить в «Подключение» — она возвращена в «Договор и оплата».\n' +
          'Причины:\n• переместить в «Подключение» может только директор (Ирина Директорова, @\u200Ddirector)\n• не отмечено поле «Договор подписан»',
      );
    });

    it('names the station in a chat message, since no card is around it there', () => {
      expect(renderMessage(moveReverted, 'ru').text[0]).toBe(
        'Станцию «Радио Ромашка» нельзя было переместить в «Подключение» — она возвращена в «Договор и оплата».',
      );
    });
  });

  describe('when a stage runs out of time', () => {
    it('gives the dates as people write them and the limit in working days or hours', () => {
      expect(renderMessage(deadlinePassed, 'ru').text).toEqual([
        'Станция «Радио Ромашка» в «Подключение» с 16.11.2026: срок этапа истёк 18.11.2026.',
        'Лимит этапа — 2 рабочих дня.',
      ]);
      expect(renderMessage({ ...deadlinePassed, limit: { hours: 21 } }, 'ru').text[1]).toBe('Лимит этапа — 21 рабочий час.');
      expect(renderMessage({ ...deadlinePassed, limit: { days: 5 } }, 'en').text[1]).toBe("The stage's limit is 5 working days.");
    });

    it('names one owner as «Ответственный», several as «Ответственные»', () => {
      expect(renderMessage(deadlineEscalated, 'ru').text[1]).toBe('Ответственный: @engineer.');
      expect(renderMessage({ ...deadlineEscalated, owners: ['engineer', 'engineer2'] }, 'ru').text[1]).toBe('Ответственные: @engineer @engineer2.');
      expect(renderMessage(deadlineEscalated, 'en').text[1]).toBe('Owner: @engineer.');
    });

    it('names the owners in full where the board gave names, still mentioning each', () => {
      const named = { ...deadlineEscalated, owners: ['engineer', 'engineer2'], ownerNames: ['Евгений Инженеров', ''] };
      expect(renderMessage(named, 'ru').text[1]).toBe('Ответственные: Евгений Инженеров (@engineer), @engineer2.');
      expect(renderMessage({ ...named, owners: ['engineer'], ownerNames: ['Евгений Инженеров'] }, 'en').text[1]).toBe('Owner: Евгений Инженеров (@engineer).');
      expect(commentText(named, 'ru', named.recipients)).toBe(
        '@director, станция «Радио Ромашка» застряла в «Подключение»: срок истёк 18.11.2026. Ответственные: Евгений Инженеров (@engineer), @engineer2.',
      );
    });
  });

  describe('when a station is suspended', () => {
    it('says who moved the card without a gendered verb', () => {
      expect(renderMessage(suspended, 'ru').text).toEqual([
        'Станция «Радио Ромашка» приостановлена за задолженность — остановите вещание.',
        'Кто переместил: Мария Иванова (@accountant).',
      ]);
    });
  });

  describe('when the board check found the move, not a webhook', () => {
    it('says so after who moved it, in the comment and in the chat text', () => {
      expect(commentText(found.stageEntered, 'ru', ['engineer'])).toBe(
        '@engineer, станция «Радио Ромашка» перешла в «Подключение» — ваш этап. Кто переместил: Ирина Директорова (@director).\n' +
          'Перемещение найдено проверкой доски: Trello не сообщил о нём вовремя.\n' +
          'Чтобы перейти в «Выдача доступов»:\n' +
          '• не отмечено поле «Потоки заведены в вещательную инфраструктуру»',
      );
      expect(renderMessage(found.stageEntered, 'en').text.slice(0, 3)).toEqual([
        'Station "Радио Ромашка" has reached "Подключение" — your stage.',
        'Moved by Ирина Директорова (@director).',
        'The move was found by a check of the board: Trello did not report it in time.',
      ]);
    });

    it('says a created card was found, rather than a move', () => {
      const created = { ...found.stageEntered, arrival: 'create' as const };
      expect(renderMessage(created, 'ru').text[2]).toBe('Новая карточка найдена проверкой доски: Trello не сообщил о ней вовремя.');
      expect(renderMessage(created, 'en').text[2]).toBe('The new card was found by a check of the board: Trello did not report it in time.');
    });

    it('writes a refusal whose mover is unknown without a mention, saying the mover is unknown', () => {
      expect(commentText(found.moveReverted, 'ru', [])).toBe(
        'Карточку нельзя было переместить в «Подключение» — она возвращена в «Договор и оплата». Кто переместил — неизвестно.\n' +
          'Перемещение найдено проверкой доски: Trello не сообщил о нём вовремя.\n' +
          'Причины:\n• переместить в «Подключение» может только директор (Ирина Директорова, @\u200Ddirector)\n• не отмечено поле «Договор подписан»',
      );
      expect(plainText(found.moveReverted, 'en')).toBe(
        [
          'Station "Радио Ромашка" could not move to "Подключение" — it is back in "Договор и оплата".',
          'Moved by: unknown.',
          'The move was found by a check of the board: Trello did not report it in time.',
          'Reasons:',
          '• only director (Ирина Директорова, @director) may move cards into "Подключение"',
          '• field "Contract signed" is not checked',
          'https://trello.com/c/AbCd1234',
        ].join('\n'),
      );
    });

    it('names an unknown mover as unknown on arrival too, and a mover known only by name without a mention', () => {
      expect(renderMessage({ ...found.stageEntered, mover: nobody }, 'ru').text[1]).toBe('Кто переместил — неизвестно.');
      expect(renderMessage({ ...found.stageEntered, mover: nobody }, 'en').text[1]).toBe('Moved by: unknown.');
      const nameOnly = { ...found.moveReverted, mover: { username: '', fullName: 'Олег' } };
      expect(commentText(nameOnly, 'ru', [])).toMatch(/^Карточку нельзя .* «Договор и оплата»\. Кто перемещал: Олег\.\n/);
    });
  });

  describe('when the board webhook was restored', () => {
    it('tells the admins which board, what Trello had done, and that the gap was checked', () => {
      expect(plainText(webhookRestored, 'ru')).toBe(
        [
          'Gatekeeper заново зарегистрировал вебхук доски «Подключение станций»: Trello удалил его.',
          'Перемещения за это время проверены сверкой.',
          'https://trello.com/b/b1',
        ].join('\n'),
      );
      expect(renderMessage(webhookRestored, 'en')).toEqual({
        subject: 'Webhook of board "Подключение станций" restored',
        comment: 'Gatekeeper registered the webhook of board "Подключение станций" again: Trello had deleted it. Card moves made meanwhile were checked by reconciliation.',
        text: [
          'Gatekeeper registered the webhook of board "Подключение станций" again: Trello had deleted it.',
          'Card moves made meanwhile were checked by reconciliation.',
        ],
      });
    });

    it('counts the failed deliveries after which Trello disabled it, in Russian plural forms', () => {
      const disabled = (consecutiveFailures?: number) => ({ ...webhookRestored, change: 're-enabled' as const, consecutiveFailures });
      expect(renderMessage(disabled(1), 'ru').text[0]).toBe(
        'Gatekeeper снова включил вебхук доски «Подключение станций»: Trello отключил его после 1 неудачной доставки.',
      );
      expect(renderMessage(disabled(3), 'ru').text[0]).toMatch(/после 3 неудачных доставок\.$/);
      expect(renderMessage(disabled(), 'ru').text[0]).toMatch(/отключил его после неудачных доставок\.$/);
      expect(renderMessage(disabled(1), 'en').text[0]).toMatch(/had disabled it after 1 failed delivery\.$/);
      expect(renderMessage(disabled(1000), 'en').text[0]).toMatch(/had disabled it after 1000 failed deliveries\.$/);
      expect(renderMessage({ ...disabled(), boardName: undefined }, 'ru').subject).toBe('Вебхук доски b1 восстановлен');
    });

    it.each(LANGUAGES)('uses only words of its language in %s (names aside)', (language) => {
      const message = renderMessage({ ...webhookRestored, change: 're-enabled', consecutiveFailures: 5 }, language);
      const words = withoutValues([message.subject, message.comment, ...message.text].join('\n'), webhookRestored);
      expect(words).not.toMatch(language === 'ru' ? /[A-Za-z]{3,}/ : /[А-Яа-яЁё]/);
    });
  });

  it('mentions a username written with a leading @ once', () => {
    expect(commentText(stageEntered, 'ru', ['@engineer'])).toMatch(/^@engineer, /);
  });

  it('links the card by its id when the notice has no short URL', () => {
    expect(plainText({ ...stageEntered, cardUrl: undefined }, 'en')).toMatch(/\nhttps:\/\/trello\.com\/c\/5f1c0ffee0000000000000c1$/);
  });

  const cardNotices = [...EVERY_CARD_KIND, found.stageEntered, found.moveReverted];
  describe.each(cardNotices.flatMap((notice) => LANGUAGES.map((language) => [notice.kind, language, notice] as const)))(
    'for a %s notice in %s',
    (_kind, language, notice) => {
      const message = renderMessage(notice, language);

      it('has a subject naming the station and a first line that fits a phone notification', () => {
        expect(message.subject).toContain('Радио Ромашка');
        expect(message.text[0]).toContain('Радио Ромашка');
        expect(message.text[0]!.length).toBeLessThanOrEqual(110);
      });

      it('ends the chat text with the card link, and starts the comment with the mentions', () => {
        expect(plainText(notice, language).split('\n').at(-1)).toBe('https://trello.com/c/AbCd1234');
        expect(commentText(notice, language, ['engineer'])).toMatch(/^@engineer, \S/);
      });

      it('uses only words of its language (names and reasons aside)', () => {
        const words = [message.subject, message.comment, ...message.text].join('\n');
        const other = language === 'ru' ? /[A-Za-z]{3,}/ : /[А-Яа-яЁё]/;
        expect(withoutValues(words, notice)).not.toMatch(other);
      });
    },
  );
});

/** The text without the values that came in the notice, which are in whatever language they are, and product names. */
function withoutValues(text: string, notice: Notice): string {
  const values = JSON.stringify(notice).match(/"(?:[^"\\]|\\.)*"/g)!.map((v) => JSON.parse(v) as string);
  const wanted = values.filter((v) => v.length > 1).sort((a, b) => b.length - a.length);
  return wanted.reduce((rest, v) => rest.split(v).join(''), text).replace(/https:\/\/\S+|@\w+|\b(Gatekeeper|Trello)\b/g, '');
}
