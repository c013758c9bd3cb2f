import { percentile, roundDays, statsOf } from '../../../rules';

describe('statsOf', () => {
  it('is all nulls for nothing', () => {
    expect(statsOf([])).toEqual({ count: 0, mean: null, median: null, p85: null });
  });

  it('is the value itself for one', () => {
    expect(statsOf([4.5])).toEqual({ count: 1, mean: 4.5, median: 4.5, p85: 4.5 });
  });

  it('sorts before it ranks', () => {
    expect(statsOf([10, 2, 5, 3])).toEqual({ count: 4, mean: 5, median: 4, p85: 7.75 });
  });

  it('rounds every figure to 0.01, a half up', () => {
    // mean 10/3; median 1; p85 at rank 1.7: 1 + 0.7 × 7.
    expect(statsOf([1, 1, 8])).toEqual({ count: 3, mean: 3.33, median: 1, p85: 5.9 });
  });
});

describe('percentile: linear between the closest ranks, as numpy.percentile by default', () => {
  it.each([
    // numpy.percentile([1, 2, 3, 4], 85) == 3.55; ([1, 2, 3, 4, 5], 85) == 4.4; ([7], 85) == 7
    [[1, 2, 3, 4], 0.85, 3.55],
    [[1, 2, 3, 4, 5], 0.85, 4.4],
    [[7], 0.85, 7],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3, 4], 1, 4],
    [[1, 2, 3, 4], 0, 1],
  ])('of %j at %d is %d', (values, p, expected) => {
    expect(percentile(values, p)).toBeCloseTo(expected, 10);
  });
});

describe('roundDays', () => {
  it.each([
    [10.945, 10.95], // stored as 10.94499…
    [1.005, 1.01],
    [2 / 9, 0.22],
    [7 / 9, 0.78],
    [0, 0],
  ])('%d → %d', (days, shown) => {
    expect(roundDays(days)).toBe(shown);
  });
});
