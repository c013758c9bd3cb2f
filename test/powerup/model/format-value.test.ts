import { formatValue } from '../../../powerup/model/format-value';
import { loadDefaultRules } from '../../rules/default-rules';

const config = loadDefaultRules();
const field = (key: string) => config.fields.find((f) => f.key === key)!;
const words = { yes: 'да', no: 'нет' };

describe('showing stored values to members who may only read', () => {
  it('shows option labels in the member language, not option values', () => {
    expect(formatValue(field('contract.tariff'), 'premium', 'ru', words)).toBe('Премиум');
    expect(formatValue(field('options'), ['statistics', 'archive'], 'en', words)).toBe('Listening statistics, Broadcast archive');
  });

  it('shows yes or no for a checkbox and nothing for a value never filled in', () => {
    expect(formatValue(field('contract.signed'), true, 'ru', words)).toBe('да');
    expect(formatValue(field('contract.signed'), false, 'ru', words)).toBe('нет');
    expect(formatValue(field('contract.number'), undefined, 'ru', words)).toBe('');
  });

  it('shows one line per stream, numbered from 1', () => {
    const streams = [
      { name: 'Основной', codec: 'aac+', bitrate: 64, sampleRate: 44100 },
      { codec: 'mp3', sourceUrl: 'http://a.example/live' },
    ];
    expect(formatValue(field('streams'), streams, 'ru', words)).toBe(
      '№1: Основной, AAC+ (HE-AAC), 64, 44 100 Гц\n№2: MP3, http://a.example/live',
    );
  });
});
