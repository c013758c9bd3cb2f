import { formatValue } from '../../../powerup/model/format-value';
import { draftFromValue } from '../../../powerup/model/station-draft';
import { readStation } from '../../../rules/fields/read-station';
import { loadDefaultRules } from '../../rules/default-rules';

const config = loadDefaultRules();
const field = (key: string) => config.fields.find((f) => f.key === key)!;
const words = { yes: 'да', no: 'нет' };

// Stored objects have no prototype (readStation), and String() throws on those: a value of the
// wrong shape must still draw, or one odd value would blank the form for everyone.
describe('a stored value of the wrong shape', () => {
  const station = readStation({
    'station.name': { text: 'Радио' },
    'contract.tariff': { value: 'premium' },
    options: [{ value: 'archive' }],
    streams: [{ name: { a: 1 } }],
  });

  it('starts the form with its JSON instead of failing', () => {
    expect(draftFromValue(field('station.name'), station['station.name'])).toBe('{"text":"Радио"}');
    expect(draftFromValue(field('options'), station['options'])).toEqual(['{"value":"archive"}']);
    expect(draftFromValue(field('streams'), station['streams'])).toEqual([expect.objectContaining({ name: '{"a":1}' })]);
  });

  it('shows its JSON to members who may only read', () => {
    expect(formatValue(field('station.name'), station['station.name'], 'ru', words)).toBe('{"text":"Радио"}');
    expect(formatValue(field('contract.tariff'), station['contract.tariff'], 'ru', words)).toBe('{"value":"premium"}');
    expect(formatValue(field('options'), station['options'], 'ru', words)).toBe('{"value":"archive"}');
  });
});
