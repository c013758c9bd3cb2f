import { lineDiff } from '../../../powerup/rules-editor/line-diff';

/** `count` numbered lines, each ending in a newline, as a rules text does. */
const numbered = (count: number) => Array.from({ length: count }, (_, i) => `line ${i + 1}`).join('\n') + '\n';

describe('the «Отличия» line diff', () => {
  it('shows a changed line with three unchanged lines on each side, the rest folded with its count', () => {
    const before = numbered(20);
    const after = before.replace('line 10\n', 'line ten\n');
    expect(lineDiff(before, after)).toEqual({
      rows: [
        { kind: 'fold', count: 6 },
        { kind: 'same', oldNo: 7, newNo: 7, text: 'line 7' },
        { kind: 'same', oldNo: 8, newNo: 8, text: 'line 8' },
        { kind: 'same', oldNo: 9, newNo: 9, text: 'line 9' },
        { kind: 'removed', oldNo: 10, newNo: null, text: 'line 10' },
        { kind: 'added', oldNo: null, newNo: 10, text: 'line ten' },
        { kind: 'same', oldNo: 11, newNo: 11, text: 'line 11' },
        { kind: 'same', oldNo: 12, newNo: 12, text: 'line 12' },
        { kind: 'same', oldNo: 13, newNo: 13, text: 'line 13' },
        { kind: 'fold', count: 7 },
      ],
      added: 1,
      removed: 1,
    });
  });

  it('numbers the old and new lines apart after an added line, and joins changes whose context meets', () => {
    const before = numbered(12);
    const after = before.replace('line 2\n', 'line 2\nnew line\n').replace('line 8\n', '');
    const { rows, added, removed } = lineDiff(before, after);
    expect({ added, removed }).toEqual({ added: 1, removed: 1 });
    expect(rows).toEqual([
      { kind: 'same', oldNo: 1, newNo: 1, text: 'line 1' },
      { kind: 'same', oldNo: 2, newNo: 2, text: 'line 2' },
      { kind: 'added', oldNo: null, newNo: 3, text: 'new line' },
      { kind: 'same', oldNo: 3, newNo: 4, text: 'line 3' },
      { kind: 'same', oldNo: 4, newNo: 5, text: 'line 4' },
      { kind: 'same', oldNo: 5, newNo: 6, text: 'line 5' },
      { kind: 'same', oldNo: 6, newNo: 7, text: 'line 6' },
      { kind: 'same', oldNo: 7, newNo: 8, text: 'line 7' },
      { kind: 'removed', oldNo: 8, newNo: null, text: 'line 8' },
      { kind: 'same', oldNo: 9, newNo: 9, text: 'line 9' },
      { kind: 'same', oldNo: 10, newNo: 10, text: 'line 10' },
      { kind: 'same', oldNo: 11, newNo: 11, text: 'line 11' },
      { kind: 'fold', count: 1 },
    ]);
  });

  it('keeps blank lines as lines', () => {
    expect(lineDiff('a\n\n\nb\n', 'a\n\nb\n')).toEqual({
      rows: [
        { kind: 'same', oldNo: 1, newNo: 1, text: 'a' },
        { kind: 'same', oldNo: 2, newNo: 2, text: '' },
        { kind: 'removed', oldNo: 3, newNo: null, text: '' },
        { kind: 'same', oldNo: 4, newNo: 3, text: 'b' },
      ],
      added: 0,
      removed: 1,
    });
  });

  it('is all one fold when nothing changed', () => {
    expect(lineDiff(numbered(5), numbered(5))).toEqual({ rows: [{ kind: 'fold', count: 5 }], added: 0, removed: 0 });
  });
});
