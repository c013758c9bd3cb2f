import { requiredItems } from '../../../../rules/engine/conditions/required-items';
import { smallConfig } from '../../small-config';

const config = smallConfig();
const stage = config.stages[1]!;
const full = { name: 'Основной', bitrate: 128, sourceUrl: 'https://s.radio.ru/live' };
const twoWithUrl = { key: 'streams', minItems: 2, itemFields: ['bitrate', 'sourceUrl'] };

describe('requiredItems', () => {
  describe('when enough items have the wanted sub-fields', () => {
    it('passes', () => {
      expect(requiredItems(config, stage, twoWithUrl, { streams: [full, { bitrate: 64, sourceUrl: 'http://b.ru' }] })).toEqual([]);
    });

    it('passes even if another item is incomplete', () => {
      expect(requiredItems(config, stage, { ...twoWithUrl, minItems: 1 }, { streams: [full, { name: 'Запасной' }] })).toEqual([]);
    });
  });

  describe('when there are too few complete items', () => {
    it('says how many are needed, with what, and what each item lacks', () => {
      const failures = requiredItems(config, stage, twoWithUrl, { streams: [full, { name: 'Запасной', bitrate: 64 }] });
      expect(failures).toEqual([
        {
          code: 'field_missing',
          stage: 'B',
          ru: 'поле «Потоки»: требуется хотя бы 2 элемента, где заполнены «Битрейт», «Источник» (сейчас 1); в №2 не заполнено: «Источник»',
          en: 'field "Streams" needs at least 2 items with "Bitrate", "Source" filled (now 1); #2 lacks "Source"',
          facts: {
            field: 'streams',
            minItems: 2,
            itemFields: ['bitrate', 'sourceUrl'],
            complete: 1,
            items: [
              { number: 1, missing: [] },
              { number: 2, missing: ['sourceUrl'] },
            ],
          },
        },
      ]);
    });

    it('says it plainly when the list is empty and no sub-fields are asked for', () => {
      expect(requiredItems(config, stage, { key: 'streams', minItems: 1 }, {})).toMatchObject([
        { code: 'field_missing', ru: 'не заполнено поле «Потоки»' },
      ]);
    });

    it('says "5 элементов" in Russian for five', () => {
      expect(requiredItems(config, stage, { key: 'streams', minItems: 5 }, { streams: [full] })[0]?.ru).toBe(
        'поле «Потоки»: требуется хотя бы 5 элементов (сейчас 1)',
      );
    });
  });

  describe('when an item holds a wrong value', () => {
    it('names the item and the sub-field, even when enough items are complete', () => {
      const failures = requiredItems(config, stage, { ...twoWithUrl, minItems: 1 }, { streams: [full, { ...full, bitrate: 4 }] });
      expect(failures).toEqual([
        {
          code: 'field_invalid',
          stage: 'B',
          ru: 'поле «Потоки №2: Битрейт» заполнено неверно: должно быть не меньше 8',
          en: 'field "Streams #2: Bitrate" is invalid: must be at least 8',
          facts: { field: 'streams', item: 2, subField: 'bitrate', value: 4, problem: { ru: 'должно быть не меньше 8', en: 'must be at least 8' } },
        },
      ]);
    });

    it('does not count the item as complete', () => {
      const failures = requiredItems(config, stage, { ...twoWithUrl, minItems: 1 }, { streams: [{ ...full, sourceUrl: 'nope' }] });
      expect(failures.map((f) => f.code)).toEqual(['field_missing', 'field_invalid']);
    });
  });

  it('refuses a value that is not a list', () => {
    expect(requiredItems(config, stage, twoWithUrl, { streams: 'mp3 128' })).toMatchObject([
      { code: 'field_invalid', en: 'field "Streams" is invalid: must be a list of items' },
    ]);
  });
});
