import { describePreview, type RulesPreview } from '../../../rules/preview';
import { STAGE } from '../default-rules';

const card = { cardId: 'c1', cardName: 'Радио Ромашка', url: null };
const preview: RulesPreview = {
  activeVersion: 7,
  generatedAt: '2026-11-27T12:00:00.000Z',
  cards: 12,
  readiness: [{ ...card, stage: STAGE.contract, nextStage: STAGE.connection, change: 'newly-blocked', reasons: ['не заполнено поле «БИК банка»'] }],
  unmetGates: [],
  deadlines: [
    { ...card, stage: STAGE.contract, change: 'becomes-overdue', activeDeadline: '2026-12-04T15:00:00.000Z', draftDeadline: '2026-11-25T15:00:00.000Z' },
  ],
  routing: [
    { change: 'starts', kind: 'stage-entered', stage: STAGE.accounting, recipient: '@accountant', channel: 'telegram -1001234567890' },
    { change: 'stops', kind: 'deadline-passed', stage: null, recipient: '@engineer', channel: 'trello-comment' },
    { change: 'starts', kind: 'move-reverted', stage: null, recipient: '*', channel: 'email audit@example.com' },
  ],
  replay: {
    days: 30,
    judged: 5,
    changes: [
      {
        actionId: 'a1', at: '2026-11-20T10:00:00.000Z', cardId: 'c1', cardName: 'Радио Ромашка', from: STAGE.contract, to: STAGE.connection,
        mover: 'director', was: 'accepted', draft: 'reverted', reasons: ['не заполнено поле «БИК банка»'],
      },
    ],
  },
};

describe('the dry run as plain lines', () => {
  it('reads in Russian, one line per change and «ничего не меняется» for a part without any', () => {
    expect(describePreview(preview, 'ru')).toEqual([
      'Черновик правил против действующей версии 7 — доска сейчас (карточек: 12), 2026-11-27 12:00 UTC',
      'Готовность к следующему этапу:',
      '  • «Радио Ромашка» в «Договор и оплата» → «Подключение»: больше не готова: не заполнено поле «БИК банка»',
      'Карточки, которые уже стоят в этапе, но не выполнили бы его условия (их никто не перемещает):',
      '  ничего не меняется',
      'Сроки:',
      '  • «Радио Ромашка» в «Договор и оплата»: станет просроченной (срок сейчас 2026-12-04 15:00 UTC, по черновику 2026-11-25 15:00 UTC)',
      'Уведомления:',
      '  • @accountant начнёт получать stage-entered (этап «Регистрация в учёте»), канал telegram -1001234567890',
      '  • @engineer перестанет получать deadline-passed (все этапы), канал trello-comment',
      '  • * начнёт получать move-reverted, канал email audit@example.com',
      'Перемещения за последние 30 дн., проверенные заново (5):',
      '  • «Радио Ромашка» «Договор и оплата» → «Подключение» (@director, 2026-11-20 10:00 UTC): было принято, по черновику было бы возвращено: не заполнено поле «БИК банка»',
    ]);
  });

  it('reads in English', () => {
    const lines = describePreview({ ...preview, readiness: [], deadlines: [{ ...preview.deadlines[0]!, change: 'limit-removed', draftDeadline: null }] }, 'en');
    expect(lines).toEqual([
      'Draft rules against active version 7: the board now, 12 cards, 2026-11-27 12:00 UTC',
      'Readiness for the next stage:',
      '  no change',
      'Cards already in a stage whose conditions they would not meet (nothing moves them):',
      '  no change',
      'Time limits:',
      '  • «Радио Ромашка» in "Договор и оплата": loses its time limit (due 2026-12-04 15:00 UTC now, — under the draft)',
      'Notifications:',
      '  • @accountant starts receiving stage-entered (stage "Регистрация в учёте") on telegram -1001234567890',
      '  • @engineer stops receiving deadline-passed (every stage) on trello-comment',
      '  • * starts receiving move-reverted on email audit@example.com',
      'Moves of the last 30 days judged again (5 replayed):',
      '  • «Радио Ромашка» "Договор и оплата" → "Подключение" (@director, 2026-11-20 10:00 UTC): was accepted, would be reverted: не заполнено поле «БИК банка»',
    ]);
  });
});
