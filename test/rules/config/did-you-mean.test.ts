import { didYouMean } from '../../../rules/config/did-you-mean';
import { formatPath } from '../../../rules/config/format-path';

describe('didYouMean', () => {
  it.each([
    ['gaet', 'gate'],
    ['movres', 'movers'],
    ['contract.numbr', 'contract.number'],
    ['Gate', 'gate'],
  ])('suggests the name a typo away: %s → %s', (typo, meant) => {
    expect(didYouMean(typo, ['gate', 'movers', 'contract.number', 'from'])).toBe(` (did you mean "${meant}"?)`);
  });

  it('suggests nothing when no name is close', () => {
    expect(didYouMean('colour', ['gate', 'movers'])).toBe('');
  });
});

describe('formatPath', () => {
  it.each([
    [['stages', 4, 'gate', 'fields', 1], 'stages[4].gate.fields[1]'],
    [['roles', 'Bad role'], 'roles["Bad role"]'],
    [['$schema'], '$schema'],
    [[], '(top level)'],
  ])('writes %p as %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});
