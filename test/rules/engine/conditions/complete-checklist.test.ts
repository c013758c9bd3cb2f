import { completeChecklist } from '../../../../rules/engine/conditions/complete-checklist';
import { checklist } from '../../station-builders';
import { smallConfig } from '../../small-config';

const config = smallConfig();
const stage = config.stages[2]!;
const card = (checklists: ReturnType<typeof checklist>[]) => ({ name: 'x', station: {}, checklists });

describe('completeChecklist', () => {
  it('passes when every item the rules define is ticked', () => {
    expect(completeChecklist(config, stage, 'Запуск', card([checklist('Запуск', ['Один', 'Два'], true)]))).toEqual([]);
  });

  it('ignores items people added to the card themselves', () => {
    const onCard = checklist('Запуск', ['Один', 'Два'], true);
    onCard.items.push({ name: 'Позвонить Пете', complete: false });
    expect(completeChecklist(config, stage, 'Запуск', card([onCard]))).toEqual([]);
  });

  describe('when the card has no such checklist', () => {
    it('fails with checklist_missing', () => {
      expect(completeChecklist(config, stage, 'Запуск', card([checklist('Другой', ['a'], true)]))).toEqual([
        {
          code: 'checklist_missing',
          stage: 'C',
          ru: 'на карточке нет чек-листа «Запуск»',
          en: 'the card has no checklist "Запуск"',
          facts: { checklist: 'Запуск', cardChecklists: ['Другой'] },
        },
      ]);
    });
  });

  describe('when items are not ticked', () => {
    it('fails once per item, naming it and the checklist', () => {
      const failures = completeChecklist(config, stage, 'Запуск', card([checklist('Запуск', ['Один', 'Два'], false)]));
      expect(failures).toEqual([
        {
          code: 'checklist_incomplete',
          stage: 'C',
          ru: 'не отмечен пункт «Один» чек-листа «Запуск»',
          en: 'item "Один" of checklist "Запуск" is not checked',
          facts: { checklist: 'Запуск', item: 'Один', present: true },
        },
        expect.objectContaining({ ru: 'не отмечен пункт «Два» чек-листа «Запуск»' }),
      ]);
    });

    it('says so when someone deleted an item from the card', () => {
      const failures = completeChecklist(config, stage, 'Запуск', card([checklist('Запуск', ['Один'], true)]));
      expect(failures).toEqual([
        {
          code: 'checklist_incomplete',
          stage: 'C',
          ru: 'в чек-листе «Запуск» нет пункта «Два»',
          en: 'checklist "Запуск" has no item "Два"',
          facts: { checklist: 'Запуск', item: 'Два', present: false },
        },
      ]);
    });
  });

  it('counts an item ticked in either copy of a checklist added twice', () => {
    const copies = [checklist('Запуск', ['Один', 'Два'], false), checklist('Запуск', ['Один', 'Два'], true)];
    expect(completeChecklist(config, stage, 'Запуск', card(copies))).toEqual([]);
  });

  it('matches names however spaces and capitals were typed', () => {
    expect(completeChecklist(config, stage, 'Запуск', card([checklist(' запуск ', ['ОДИН', 'два '], true)]))).toEqual([]);
  });
});
