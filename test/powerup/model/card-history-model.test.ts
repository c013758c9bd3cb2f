import { afterTake, historyModel } from '../../../powerup/model/card-history-model';
import type { CardHistory, DecisionRecord } from '../../../rules/reports/report-types';
import { PEOPLE } from '../support/board-summary';

const refusal: DecisionRecord = {
  id: '2-0',
  at: '2026-11-20T09:00:05.000Z',
  movedAt: '2026-11-20T09:00:00.000Z',
  cardId: 'c1',
  cardName: 'Радио Ромашка',
  mover: PEOPLE.maxim,
  from: 'Сбор данных',
  to: 'Техническая экспертиза',
  verdict: 'reverted',
  reason: 'gate_closed',
  failures: [{ code: 'field_missing', stage: 'Техническая экспертиза', ru: 'не заполнено поле «Потоки»', en: 'the field “Streams” is empty' }],
  revertedTo: 'Сбор данных',
  dryRun: false,
  rulesVersion: 1,
};

const HISTORY: CardHistory = {
  cardId: 'c1',
  visits: [
    { stage: 'Новая заявка', enteredAt: '2026-11-16T09:00:00.000Z', leftAt: '2026-11-17T10:00:00.000Z', workingDays: 1.1, suspension: false, responsible: null },
    { stage: 'Сбор данных', enteredAt: '2026-11-17T10:00:00.000Z', leftAt: null, workingDays: 8.5, suspension: false, responsible: PEOPLE.maxim },
  ],
  decisions: [refusal, { ...refusal, id: '1-0', verdict: 'accepted', failures: [], to: 'Сбор данных' }, { ...refusal, id: '0-0', dryRun: true }],
  turn: { stage: 'Сбор данных', responsible: null, holders: [PEOPLE.maxim], canTake: true },
};

describe('the card back’s history', () => {
  it('lists the visits with DD.MM.YYYY dates and the refusals (not dry runs) with reasons and who tried', () => {
    const model = historyModel(HISTORY, 'ru');
    expect(model.visits).toEqual([
      { stage: 'Новая заявка', from: expect.stringMatching(/^1[67]\.11\.2026$/), to: expect.stringMatching(/^1[78]\.11\.2026$/), workingDays: 1.1, suspension: false, responsible: null },
      { stage: 'Сбор данных', from: expect.stringMatching(/^1[78]\.11\.2026$/), to: null, workingDays: 8.5, suspension: false, responsible: 'Максим Менеджеров' },
    ]);
    expect(model.refusals).toEqual([
      { date: expect.stringMatching(/^2[01]\.11\.2026$/), to: 'Техническая экспертиза', mover: 'Максим Менеджеров', reasons: ['не заполнено поле «Потоки»'] },
    ]);
    expect(historyModel(HISTORY, 'en').refusals[0]!.reasons).toEqual(['the field “Streams” is empty']);
  });

  it('says whose turn it is: a «Беру» for who may take it, names for who may not, the responsible once taken', () => {
    expect(historyModel(HISTORY, 'ru').turn).toEqual({ kind: 'can-take', stage: 'Сбор данных', holders: 'Максим Менеджеров' });
    expect(historyModel({ ...HISTORY, turn: { ...HISTORY.turn!, canTake: false } }, 'ru').turn).toEqual({ kind: 'holders', stage: 'Сбор данных', holders: 'Максим Менеджеров' });
    expect(historyModel({ ...HISTORY, turn: { ...HISTORY.turn!, responsible: PEOPLE.irina } }, 'ru').turn).toEqual({ kind: 'responsible', stage: 'Сбор данных', name: 'Ирина Директорова' });
    expect(historyModel({ ...HISTORY, turn: null }, 'ru').turn).toBeNull();
  });

  it('after «Беру» shows who holds the card, and the server’s word when someone else was first', () => {
    expect(afterTake({ taken: true, stage: 'Сбор данных', responsible: PEOPLE.maxim })).toEqual({
      turn: { kind: 'responsible', stage: 'Сбор данных', name: 'Максим Менеджеров' },
      takenByOther: null,
    });
    const lost = afterTake({ taken: false, stage: 'Сбор данных', responsible: PEOPLE.irina, message: 'У карточки на этапе «Сбор данных» уже есть ответственный: Ирина Директорова (@director).' });
    expect(lost).toEqual({ turn: { kind: 'responsible', stage: 'Сбор данных', name: 'Ирина Директорова' }, takenByOther: 'У карточки на этапе «Сбор данных» уже есть ответственный: Ирина Директорова (@director).' });
  });
});
