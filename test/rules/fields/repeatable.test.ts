import { checkRepeatable, findField, validateField } from '../../../rules';
import type { RepeatableDef } from '../../../rules/fields/repeatable';
import { loadDefaultRules } from '../default-rules';

const streams = findField(loadDefaultRules(), 'streams') as RepeatableDef;
const good = { name: 'Основной', codec: 'aac', bitrate: 128, sampleRate: 44100, sourceUrl: 'https://stream.radio.ru/live' };

describe('checkRepeatable (the streams)', () => {
  describe('when every filled sub-field is valid', () => {
    it('accepts the list and answers it normalised', () => {
      const result = checkRepeatable(streams, [{ ...good, bitrate: '320', sampleRate: '48000' }], {});
      expect(result.result).toEqual({ ok: true, value: [{ ...good, bitrate: 320, sampleRate: 48000 }] });
    });

    it('reports which sub-fields each item has', () => {
      const { items } = checkRepeatable(streams, [good, { codec: 'mp3' }], {});
      expect(items.map((item) => [item.number, item.filled])).toEqual([
        [1, ['name', 'codec', 'bitrate', 'sampleRate', 'sourceUrl']],
        [2, ['codec']],
      ]);
    });
  });

  describe('when an item has a wrong value', () => {
    it('names the item and the sub-field', () => {
      const result = checkRepeatable(streams, [good, { ...good, bitrate: 1000 }], {});
      expect(result.result).toEqual({
        ok: false,
        error: { ru: '№2, Битрейт, кбит/с: должно быть не больше 640', en: '#2, Bitrate, kbps: must be at most 640' },
      });
      expect(result.items[1]?.problems).toEqual([
        { key: 'bitrate', label: { ru: 'Битрейт, кбит/с', en: 'Bitrate, kbps' }, value: 1000, problem: { ru: 'должно быть не больше 640', en: 'must be at most 640' } },
      ]);
    });

    it.each([
      ['codec', 'wav'],
      ['sampleRate', 32000],
      ['sourceUrl', 'ftp://radio.ru/live'],
    ])('refuses %s = %p', (key, value) => {
      expect(checkRepeatable(streams, [{ ...good, [key]: value }], {}).result.ok).toBe(false);
    });
  });

  describe('when the value is not a list of items', () => {
    it.each([good, 'mp3', [good, 'mp3'], [[good]]])('refuses %p', (value) => {
      expect(checkRepeatable(streams, value, {}).result).toEqual({
        ok: false,
        error: { ru: 'должно быть списком элементов', en: 'must be a list of items' },
      });
    });
  });

  it('is what validateField runs for a repeatable field, with the label in front', () => {
    expect(validateField(streams, [{ ...good, codec: 'wav' }])).toMatchObject({
      ok: false,
      error: { en: 'Streams: #1, Codec: no such option "wav"; options: mp3, aac, aac+, ogg, opus, flac' },
    });
  });
});
