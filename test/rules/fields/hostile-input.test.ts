import { validateField, type FieldDef } from '../../../rules';
import { EMAIL } from '../../../rules/fields/email';

// Every value here is about a million characters, shaped to make a backtracking regex try every
// way of splitting it. Linear validators answer each in milliseconds; a quadratic one would take
// many minutes, and jest's timeout fails the test (no timing assertion: a slow machine is not a bug).
const MILLION = 1_000_000;

const label = { ru: 'Поле', en: 'Field' };
const def = (type: string, params: Record<string, unknown> = {}) => ({ key: 'x', group: 'g', label, type, ...params }) as FieldDef;
const options = [{ value: 'mp3', label: { ru: 'MP3', en: 'MP3' } }];

describe('every field validator on a hostile value of a million characters', () => {
  const refused: [string, FieldDef, unknown][] = [
    ['a number: digits and then a letter (17 s for 100,000 digits with the old regex)', def('number'), `${'1'.repeat(MILLION)}x`],
    ['a number: digits, a point, digits and a second point', def('number'), `${'1'.repeat(MILLION / 2)}.${'1'.repeat(MILLION / 2)}.`],
    ['a number: digits and spaces, ending in a letter', def('number'), `${'1 '.repeat(MILLION / 2)}x`],
    ['a number: so many digits that it is infinite', def('number'), '9'.repeat(MILLION)],
    ['a text: one line too long', def('text', { maxLength: 200 }), 'a'.repeat(MILLION)],
    ['a text: a line break deep inside', def('text'), `${'a'.repeat(MILLION)}\n${'a'.repeat(MILLION)}`],
    ['a multiline text too long', def('multiline', { maxLength: 2000 }), 'a\n'.repeat(MILLION / 2)],
    ['a date: repeated year parts', def('date'), '2024-'.repeat(MILLION / 5)],
    ['an option: padded with spaces', def('enum', { options }), `${' '.repeat(MILLION)}x${' '.repeat(MILLION)}`],
    ['an e-mail: dotted labels past the length limit', def('email'), `a@${'b.'.repeat(MILLION / 2)}`],
    ['a phone: digits and then a letter', def('phone'), `+${'1'.repeat(MILLION)}x`],
    ['a phone: brackets and spaces around too many digits', def('phone'), `+${'(1) '.repeat(MILLION / 4)}`],
    ['an address: a space at the end of a long host', def('url'), `http://${'a'.repeat(MILLION)} /`],
    ['an INN: digits and then a letter', def('inn'), `${'1'.repeat(MILLION)}x`],
    ['an INN: spaces and hyphens only', def('inn'), '- '.repeat(MILLION / 2)],
    ['a KPP: digits', def('kpp'), '1'.repeat(MILLION)],
    ['an OGRN: digits and then a letter', def('ogrn'), `${'1'.repeat(MILLION)}x`],
    ['a BIK: 04 and digits', def('bik'), `04${'1'.repeat(MILLION)}`],
    ['an account: digits', def('account', { bikField: 'bik' }), '4'.repeat(MILLION)],
    ['a yes/no: text instead', def('boolean'), 'true'.repeat(MILLION / 4)],
  ];

  it.each(refused)('refuses %s', (_what, field, value) => {
    expect(validateField(field, value, { bik: '044525225' })).toMatchObject({ ok: false });
  });

  it('accepts a million ticks of the same option as that option once', () => {
    expect(validateField(def('multi-enum', { options }), Array(MILLION).fill('mp3'))).toEqual({ ok: true, value: ['mp3'] });
  });

  it('checks 200,000 stream items and names the first wrong one', () => {
    const streams = def('repeatable', { fields: [{ key: 'bitrate', label, type: 'number' }] });
    const items = Array.from({ length: 200_000 }, () => ({ bitrate: `${'1'.repeat(4)}x` }));
    expect(validateField(streams, items)).toMatchObject({ ok: false, error: { en: 'Field: #1, Field: must be a number' } });
  });
});

describe('the e-mail pattern, used without a length limit on the rules file’s addresses', () => {
  it.each([
    ['many labels and a last label of one letter', `a@${'b.'.repeat(MILLION / 2)}c`],
    ['many labels and a space at the end', `a@b${'.bc'.repeat(MILLION / 3)} `],
    ['a second "@" after a long domain', `a@b.${'b'.repeat(MILLION)}@`],
    ['a long local part and no "@"', `${'a'.repeat(MILLION)} `],
    ['dots only after the "@"', `a@${'.'.repeat(MILLION)}cc`],
  ])('refuses %s', (_what, address) => {
    expect(EMAIL.test(address)).toBe(false);
  });

  it('accepts a long but well-formed address', () => {
    expect(EMAIL.test(`a@${'bc.'.repeat(MILLION / 3)}ru`)).toBe(true);
  });
});
