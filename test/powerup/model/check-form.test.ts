import { checkForm } from '../../../powerup/model/check-form';
import { draftFromValue, emptyItem, type Draft } from '../../../powerup/model/station-draft';
import type { FieldDef } from '../../../rules';
import { loadDefaultRules } from '../../rules/default-rules';

const config = loadDefaultRules();
const field = (key: string) => config.fields.find((f) => f.key === key)!;
const streams = field('streams') as Extract<FieldDef, { type: 'repeatable' }>;

function drafts(values: Record<string, unknown>): Record<string, Draft> {
  return Object.fromEntries(config.fields.map((f) => [f.key, draftFromValue(f, values[f.key])]));
}

describe('checking the station form with the rules validators', () => {
  it('shows a wrong INN under the field and keeps it out of the values', () => {
    const check = checkForm(config.fields, { ...drafts({}), 'org.inn': '7707083894' });
    expect(check.errors['org.inn']).toEqual({ ru: 'неверная контрольная цифра', en: expect.any(String) });
    expect(check.values).toEqual({});
  });

  it('normalises what people type the way the server stores it', () => {
    const check = checkForm(config.fields, {
      ...drafts({}),
      'contact.phone': '+7 (999) 123-45-67',
      'contract.monthlyFee': '15 000,50',
      'contract.signed': true,
      'tech.approved': false,
      options: ['statistics', 'archive'],
    });
    expect(check.errors).toEqual({});
    expect(check.values).toEqual({
      'contact.phone': '+79991234567',
      'contract.monthlyFee': 15000.5,
      'contract.signed': true,
      options: ['statistics', 'archive'],
    });
  });

  it('checks the account against the BIK as typed, so fixing the BIK clears the account', () => {
    const account = '40702810638000000000';
    const wrongBik = checkForm(config.fields, { ...drafts({}), 'org.bik': '044525226', 'org.account': account });
    expect(wrongBik.errors['org.account']?.ru).toMatch(/не сходится контрольный ключ/);
    const rightBik = checkForm(config.fields, { ...drafts({}), 'org.bik': '044525225', 'org.account': account });
    expect(rightBik.errors).toEqual({});
    expect(rightBik.values['org.account']).toBe(account);
  });

  it('numbers the streams from 1 in error paths and drops a stream left empty', () => {
    const items = [
      { ...emptyItem(streams), name: 'Основной', codec: 'mp3', bitrate: '128', sampleRate: '44100', sourceUrl: 'icecast://a.example/live' },
      { ...emptyItem(streams), bitrate: '1000' },
      emptyItem(streams),
    ];
    const check = checkForm(config.fields, { ...drafts({}), streams: items });
    expect(Object.keys(check.errors)).toEqual(['streams.2.bitrate']);
    expect(check.errors['streams.2.bitrate']?.ru).toBe('должно быть не больше 640');
    const fixed = checkForm(config.fields, { ...drafts({}), streams: [items[0]!, { ...items[1]!, bitrate: '64' }, items[2]!] });
    expect(fixed.values.streams).toEqual([
      { name: 'Основной', codec: 'mp3', bitrate: 128, sampleRate: 44100, sourceUrl: 'icecast://a.example/live' },
      { bitrate: 64 },
    ]);
  });

  it('reads stored values back into drafts that check to the same values', () => {
    const stored = {
      'station.name': 'Радио Рокс',
      'contract.signed': true,
      'contract.monthlyFee': 15000,
      'contract.tariff': 'standard',
      options: ['statistics'],
      streams: [{ codec: 'aac', bitrate: 96, sampleRate: 48000 }],
    };
    expect(checkForm(config.fields, drafts(stored)).values).toEqual(stored);
  });
});
