import { commentText } from '../../../server/notify/messages';
import type { Notice } from '../../../server/notify/notice';

const card = { actionId: 'a', boardId: 'b', cardId: 'c', cardName: 'Радио Ромашка' };
const director = { username: 'director', fullName: 'Ирина Директорова' };

describe('comment texts', () => {
  const entered: Notice = { ...card, kind: 'stage-entered', arrival: 'move', stage: 'Подключение', mover: director, recipients: ['engineer', 'engineer2'] };
  const reverted: Notice = {
    ...card, kind: 'move-reverted', attemptedStage: 'Подключение', revertedTo: 'Договор и оплата', mover: { username: 'manager', fullName: '' },
    reasons: [{ ru: 'не заполнено поле «Номер договора»', en: 'field "Contract number" is empty' }],
  };

  it('mentions every owner of the stage and says who moved the card', () => {
    expect(commentText(entered, 'ru')).toBe('@engineer @engineer2, станция «Радио Ромашка» перешла в «Подключение» — ваш этап. Переместил(а): Ирина Директорова (@director).');
    expect(commentText(entered, 'en')).toBe('@engineer @engineer2, station "Радио Ромашка" has reached "Подключение" — your stage. Moved by Ирина Директорова (@director).');
  });

  it('says a created card is new rather than moved', () => {
    expect(commentText({ ...entered, arrival: 'create' }, 'ru')).toMatch(/новая станция «Радио Ромашка» в «Подключение» — ваш этап. Создал\(а\)/);
  });

  it('tells the mover where the card went back to and lists every reason', () => {
    expect(commentText(reverted, 'ru')).toBe('@manager, карточку нельзя было переместить в «Подключение» — она возвращена в «Договор и оплата».\nПричины:\n• не заполнено поле «Номер договора»');
    expect(commentText(reverted, 'en')).toContain('• field "Contract number" is empty');
  });
});
