import { missingForStage, parseRules } from '../../../rules';
import type { TrelloCard } from '../../../server/trello/schema';
import { toCardSnapshot } from '../../../server/stage/card-snapshot';
import { testLog } from '../../helpers/silent-log';
import { loadDefaultRules, STAGE } from '../../rules/default-rules';
import { stationUpTo } from '../../stack/station-data';
import { POWERUP_ID } from '../powerup-api/jwt-kit';

const config = loadDefaultRules();

/** A card whose shared pluginData for the Power-Up is `value`, exactly as Trello hands it over. */
function cardWith(value: string | undefined): TrelloCard {
  return {
    id: 'c'.repeat(24), name: 'Радио', idList: 'l'.repeat(24), idBoard: 'b'.repeat(24), closed: false,
    shortUrl: 'https://trello.com/c/x', url: 'https://trello.com/c/x/1-radio', idShort: 1,
    list: { id: 'l'.repeat(24), name: STAGE.contract }, checklists: [],
    pluginData: value === undefined ? [] : [{ id: 'p'.repeat(24), idPlugin: POWERUP_ID, scope: 'card', idModel: 'c'.repeat(24), value, access: 'shared' }],
  };
}
const stationOf = (value: string | undefined) => toCardSnapshot(cardWith(value), POWERUP_ID, testLog()).station;

describe('the station the service judges a card by', () => {
  it('does not let a stored "__proto__" make the contract signed', () => {
    const snapshot = toCardSnapshot(cardWith('{"station":{"__proto__":{"contract.signed":true},"station.name":"x"}}'), POWERUP_ID, testLog());

    expect(snapshot.station['station.name']).toBe('x');
    expect(snapshot.station['contract.signed']).toBeUndefined();
    expect(missingForStage(config, STAGE.connection, snapshot)).toContainEqual(
      expect.objectContaining({ code: 'field_not_true', facts: { field: 'contract.signed', value: undefined } }),
    );
  });

  it('keeps a stored "__proto__" as an ordinary key with no power over the others', () => {
    const station = stationOf('{"station":{"__proto__":{"contract.signed":true}}}');
    expect(Object.getPrototypeOf(station)).toBeNull();
    expect(Object.keys(station)).toEqual(['__proto__']);
  });

  it.each([
    ['a filled station', JSON.stringify({ station: stationUpTo('streams') })],
    ['no station data', undefined],
    ['a value that is not JSON', '{"station":'],
    ['a value whose station is not an object', '{"station":[1]}'],
  ])('inherits nothing from Object for %s: "constructor" and "toString" are not there', (_what, value) => {
    const station = stationOf(value);
    expect([station['constructor'], station['toString'], station['__proto__']]).toEqual([undefined, undefined, undefined]);
  });

  it('reads the items of a list (the streams) without prototypes too', () => {
    const station = stationOf(JSON.stringify({ station: stationUpTo('streams') }));
    const [stream] = station['streams'] as Record<string, unknown>[];
    expect(stream).toMatchObject({ codec: 'mp3', bitrate: 128 });
    expect(stream!['constructor']).toBeUndefined();
  });

  it('finds a field whose key is also a name on Object.prototype missing when the card lacks it', () => {
    const odd = parseRules(
      [
        'roles: { director: [ivan] }',
        'fields: [{ key: constructor, group: g, type: text, label: { ru: Конструктор, en: Constructor } }]',
        'groups: [{ key: g, label: { ru: Группа, en: Group } }]',
        'stages:',
        '  - { list: A, owner: director, controller: director }',
        '  - { list: B, owner: director, controller: director, gate: { fields: [constructor] } }',
      ].join('\n'),
      'yaml',
    );
    const snapshot = toCardSnapshot(cardWith('{"station":{}}'), POWERUP_ID, testLog());
    expect(missingForStage(odd, 'B', snapshot).map((f) => f.code)).toEqual(['field_missing']);
  });
});
