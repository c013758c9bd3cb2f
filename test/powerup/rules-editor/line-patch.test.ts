import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { applyLinePatch, linePatch } from '../../../powerup/rules-editor/line-patch';

const RULES = readFileSync(resolve(__dirname, '../../../rules/radio-onboarding.yaml'), 'utf8');

describe('a draft as its line changes to its version', () => {
  it('is lines kept, dropped and written', () => {
    expect(linePatch('a\nb\nc\n', 'a\nB\nc\nd\n')).toEqual([1, -1, 'B\n', 1, 'd\n']);
  });

  it.each([
    ['one line changed', RULES, RULES.replace('limitWorkingDays: 5', 'limitWorkingDays: 7')],
    ['a line added at an end without a newline', RULES, `${RULES}x: 1`],
    ['the newline at the end taken away', RULES, RULES.replace(/\n$/, '')],
    ['from nothing', '', 'a\nb'],
    ['to nothing', 'a\nb', ''],
    ['blank lines', 'a\n\n\nb\n', 'a\n\nb\n\n'],
  ])('gives the text back exactly: %s', (_, before, after) => {
    expect(applyLinePatch(before, linePatch(before, after))).toBe(after);
  });

  it('does not fit another text: null', () => {
    expect(applyLinePatch('a\n', linePatch('a\nb\n', 'a\nc\n'))).toBeNull();
    expect(applyLinePatch('a\nb\nc\n', [1])).toBeNull();
  });
});
