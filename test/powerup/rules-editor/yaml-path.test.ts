import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cursorPlace } from '../../../powerup/rules-editor/yaml-path';
import { enumValuesAt, keysAt } from '../../../powerup/rules-editor/schema-walk';

const RULES = readFileSync(resolve(__dirname, '../../../rules/radio-onboarding.yaml'), 'utf8');
// The schema the service sends the editor (`npm run rules:schema` writes it from the rules' types).
const SCHEMA: unknown = JSON.parse(readFileSync(resolve(__dirname, '../../../rules/process-config.schema.json'), 'utf8'));

/**
 * The place of a cursor typed into the default rules: `marked` is a stretch of the file that
 * occurs once, with `|` where the cursor is. The text after the cursor is left as it is (the
 * completion reads only what is before it, but the whole file is there, as in the editor).
 */
function placeAt(marked: string) {
  const cut = marked.indexOf('|');
  const stretch = marked.replace('|', '');
  const at = RULES.indexOf(stretch);
  if (at < 0 || RULES.indexOf(stretch, at + 1) >= 0) throw new Error(`[test] ${JSON.stringify(stretch)} must occur exactly once`);
  const pos = at + cut;
  return { pos, place: cursorPlace(RULES, pos) };
}

const keys = (path: Parameters<typeof keysAt>[1]) => keysAt(SCHEMA, path).map((k) => k.key);

const TOP_KEYS = ['$schema', 'language', 'allowBackward', 'roles', 'admins', 'groups', 'fields', 'checklists', 'stages', 'calendar', 'notifications', 'reports', 'vault'];
const STAGE_KEYS = [
  'list',
  'owner',
  'controller',
  'limitWorkingDays',
  'limitWorkingHours',
  'escalateAfterWorkingDays',
  'escalateAfterWorkingHours',
  'checklist',
  'side',
  'suspension',
  'allowBackward',
  'gate',
  'exit',
];

describe('the path at the cursor', () => {
  it('a top-level key: the root, and the root’s keys offered', () => {
    const { pos, place } = placeAt('\nallowB|ackward: true');
    expect(place).toEqual({ kind: 'key', path: [], word: 'allowB', from: pos - 6 });
    expect(keys(place.path)).toEqual(TOP_KEYS);
  });

  it('a top-level value', () => {
    const { pos, place } = placeAt('\nlanguage: r|u');
    expect(place).toEqual({ kind: 'value', path: [], key: 'language', word: 'r', from: pos - 1, inList: false, phraseFrom: pos - 1 });
    expect(enumValuesAt(SCHEMA, [...place.path, 'language'])).toEqual(['ru', 'en']);
  });

  it('a comment line is no key’s', () => {
    const { pos, place } = placeAt('# Cards may go| back');
    expect(place).toEqual({ kind: 'key', path: [], word: '', from: pos });
  });

  it('a key of a stage (every sequence item stands as 0: the schema is the same for each)', () => {
    const { pos, place } = placeAt('    owner: engineer\n    controller: director\n    lim|itWorkingDays: 3');
    expect(place).toEqual({ kind: 'key', path: ['stages', 0], word: 'lim', from: pos - 3 });
    expect(keys(place.path)).toEqual(STAGE_KEYS);
  });

  it('a key of a gate, below the gate’s first key', () => {
    const { place } = placeAt('      movers: [director]\n      fi|elds: [contract.number');
    expect(place).toMatchObject({ kind: 'key', path: ['stages', 0, 'gate'], word: 'fi' });
    expect(keys(place.path)).toEqual(['fields', 'checked', 'checklists', 'movers', 'from']);
  });

  it('an item of a gate’s block list of fields', () => {
    const { pos, place } = placeAt('        - stat|ion.name');
    expect(place).toEqual({ kind: 'item', path: ['stages', 0, 'gate', 'fields'], word: 'stat', from: pos - 4, phraseFrom: pos - 4 });
    // An item there may be a compound requirement: its keys are offered too.
    expect(keys([...place.path, 0])).toEqual(['anyOf', 'key', 'minItems', 'itemFields']);
  });

  it('a key of a compound field requirement, on the item’s second line', () => {
    const { place } = placeAt('          minI|tems: 1');
    expect(place).toMatchObject({ kind: 'key', path: ['stages', 0, 'gate', 'fields', 0], word: 'minI' });
    expect(keys(place.path)).toEqual(['anyOf', 'key', 'minItems', 'itemFields']);
  });

  it('an item of a flow list inside a block list item', () => {
    const { pos, place } = placeAt('        - anyOf: [contact.phone, cont|act.email]');
    expect(place).toEqual({ kind: 'value', path: ['stages', 0, 'gate', 'fields', 0], key: 'anyOf', word: 'cont', from: pos - 4, inList: true, phraseFrom: pos - 4 });
  });

  it('an item of a gate’s flow list', () => {
    const { pos, place } = placeAt('      fields: [org.inn, org.k|pp, org.ogrn]');
    expect(place).toEqual({ kind: 'value', path: ['stages', 0, 'gate'], key: 'fields', word: 'org.k', from: pos - 5, inList: true, phraseFrom: pos - 5 });
  });

  it('a list name with a space: the whole name typed so far is the phrase to replace', () => {
    const { pos, place } = placeAt('    exit:\n      to: [Активный кл|иент]');
    expect(place).toEqual({ kind: 'value', path: ['stages', 0, 'exit'], key: 'to', word: 'кл', from: pos - 2, inList: true, phraseFrom: pos - 'Активный кл'.length });
  });

  it('the value of a key inside a flow map: the map’s own path, not its parent’s', () => {
    const { pos, place } = placeAt('  director: { label: { ru: дир|ектор');
    expect(place).toEqual({ kind: 'value', path: ['roles', 'director', 'label'], key: 'ru', word: 'дир', from: pos - 3, inList: false, phraseFrom: pos - 3 });
  });

  it('a key inside a flow map, and the schema’s keys for it', () => {
    const { pos, place } = placeAt('  director: { lab|el: { ru');
    expect(place).toEqual({ kind: 'key', path: ['roles', 'director'], word: 'lab', from: pos - 3 });
    expect(keysAt(SCHEMA, place.path)).toEqual([
      { key: 'label', description: 'How messages name the role, e.g. { ru: директор, en: director }.' },
      { key: 'members', description: undefined },
    ]);
    const inner = placeAt('  director: { label: { ru: директор, e|n: director }').place;
    expect(inner).toMatchObject({ kind: 'key', path: ['roles', 'director', 'label'], word: 'e' });
    expect(keys(inner.path)).toEqual(['ru', 'en']);
  });

  it('an item of a flow list inside a flow map, after a closed inner map', () => {
    const { place } = placeAt('  engineer: { label: { ru: инженер, en: engineer }, members: [eng|ineer] }');
    expect(place).toMatchObject({ kind: 'value', path: ['roles', 'engineer'], key: 'members', word: 'eng', inList: true });
  });

  it('a block list item written as a flow map', () => {
    const { place } = placeAt('          - { value: aac, la|bel: { ru: AAC, en: AAC } }');
    expect(place).toMatchObject({ kind: 'key', path: ['fields', 0, 'fields', 0, 'options', 0], word: 'la' });
    expect(keys(place.path)).toEqual(['value', 'label']);
  });

  it('a quoted value’s comma and braces do not end it', () => {
    const { place } = placeAt("    help: { ru: '10 цифр для организации, 12 для ИП', e|n:");
    expect(place).toMatchObject({ kind: 'key', path: ['fields', 0, 'help'], word: 'e' });
  });

  it('a key of a nested section', () => {
    const { place } = placeAt('    expiresIn|Days: 3');
    expect(place).toMatchObject({ kind: 'key', path: ['vault', 'link'], word: 'expiresIn' });
    expect(keys(place.path)).toEqual(['expiresInDays', 'checklist', 'item']);
  });
});

describe('what the schema offers', () => {
  it('a gate’s keys, with their descriptions', () => {
    expect(keysAt(SCHEMA, ['stages', 0, 'gate'])).toEqual([
      { key: 'fields', description: 'Fields that must be filled and valid.' },
      { key: 'checked', description: 'Yes/no fields that must be "yes".' },
      { key: 'checklists', description: 'Checklists whose every item must be ticked.' },
      { key: 'movers', description: 'Only members of these roles may move a card in.' },
      { key: 'from', description: 'A card may come in only from these stages.' },
    ]);
  });

  it('the values a schema lists: an enum, booleans', () => {
    expect(enumValuesAt(SCHEMA, ['allowBackward'])).toEqual(['true', 'false']);
    expect(enumValuesAt(SCHEMA, ['fields', 0, 'type'])).toEqual([
      'text',
      'multiline',
      'number',
      'boolean',
      'date',
      'enum',
      'multi-enum',
      'email',
      'phone',
      'url',
      'inn',
      'kpp',
      'ogrn',
      'bik',
      'account',
      'repeatable',
    ]);
  });

  it('nothing where the schema has nothing', () => {
    expect(keysAt(SCHEMA, ['nonsense'])).toEqual([]);
    expect(keysAt(SCHEMA, ['stages'])).toEqual([]);
    expect(enumValuesAt(SCHEMA, ['stages', 0, 'list'])).toEqual([]);
    expect(keysAt(null, [])).toEqual([]);
  });
});
