import { inertText } from '../../../../server/notify/templates/inert-text';
import { commentText, plainText } from '../../../../server/notify/templates/render-message';
import { moveReverted, stageEntered } from '../notices';

const J = '\u200D';

describe('text from the board, made inert per channel', () => {
  it('keeps it on one line, so it cannot start a heading or pass for a line the service wrote', () => {
    expect(inertText('Радио\n# Причины:\r\n\n• всё хорошо', 'plain')).toBe('Радио # Причины: • всё хорошо');
  });

  it('drops bidi overrides, which would reverse the words the service writes after it', () => {
    expect(inertText('Радио \u202Eакшамор', 'plain')).toBe('Радио акшамор');
  });

  it.each([
    ['trello-markdown', 'breaks mentions and Markdown links', `@${J}card и ящик ivan@${J}mail.ru, [сайт]${J}(https://evil)`],
    ['slack', 'breaks mentions and Markdown links', `@${J}card и ящик ivan@${J}mail.ru, [сайт]${J}(https://evil)`],
    ['telegram', 'breaks mentions only, having no markup', `@${J}card и ящик ivan@${J}mail.ru, [сайт](https://evil)`],
    ['plain', 'changes nothing else', '@card и ящик ivan@mail.ru, [сайт](https://evil)'],
  ] as const)('in the %s dialect %s', (dialect, _what, inert) => {
    expect(inertText('@card и ящик ivan@mail.ru, [сайт](https://evil)', dialect)).toBe(inert);
  });

  it("escapes only Slack's three control characters, and each one", () => {
    expect(inertText('R&D <b> &amp; "кавычки" \'апостроф\'', 'slack')).toBe('R&amp;D &lt;b&gt; &amp;amp; "кавычки" \'апостроф\'');
  });

  it('breaks a link that two values would make together', () => {
    const split = { ...moveReverted, cardName: 'Радио [жми', revertedTo: '](http://evil)' };
    expect(plainText(split, 'ru', 'slack').split('\n')[0]).toBe(
      `Станцию «Радио [жми» нельзя было переместить в «Подключение» — она возвращена в «]${J}(http://evil)».`,
    );
  });

  it("makes a member's full name, a list's name and a value quoted in a reason inert as well", () => {
    const hostile = {
      ...moveReverted,
      revertedTo: 'Входящие @board',
      mover: { username: 'manager', fullName: 'Олег [админ](http://evil)' },
      reasons: [{ ru: 'поле «Дата договора» заполнено неверно: такой даты нет: @card', en: 'field "Contract date" is invalid: no such date: @card' }],
    };
    expect(commentText(hostile, 'ru', ['manager'])).toBe(
      `@manager, карточку нельзя было переместить в «Подключение» — она возвращена в «Входящие @${J}board».\n` +
        `Причины:\n• поле «Дата договора» заполнено неверно: такой даты нет: @${J}card`,
    );
    expect(plainText(hostile, 'ru', 'slack').split('\n')[1]).toBe(`Кто перемещал: Олег [админ]${J}(http://evil) (@manager).`);
  });

  it('leaves the mentions the service means alone: the recipients, the owners and the mover', () => {
    expect(commentText(stageEntered, 'ru', ['engineer']).match(/@\w+/g)).toEqual(['@engineer', '@director']);
  });
});
