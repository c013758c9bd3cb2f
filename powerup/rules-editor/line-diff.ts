// The «Отличия» line diff as rows, which diff-view.ts draws: apart from the DOM, so the unit tests run it.
import { diffLines } from 'diff';

/** Unchanged lines shown around each change; longer unchanged runs fold into one line. */
const CONTEXT = 3;

export type DiffLine = { kind: 'same' | 'added' | 'removed'; oldNo: number | null; newNo: number | null; text: string };
export type DiffRow = DiffLine | { kind: 'fold'; count: number };

/** A line diff of `before` → `after`, unchanged runs folded to their first and last few lines. */
export function lineDiff(before: string, after: string): { rows: DiffRow[]; added: number; removed: number } {
  const lines: DiffLine[] = [];
  let oldNo = 1;
  let newNo = 1;
  for (const part of diffLines(before, after)) {
    const texts = part.value.replace(/\n$/, '').split('\n');
    for (const text of texts) {
      if (part.added) lines.push({ kind: 'added', oldNo: null, newNo: newNo++, text });
      else if (part.removed) lines.push({ kind: 'removed', oldNo: oldNo++, newNo: null, text });
      else lines.push({ kind: 'same', oldNo: oldNo++, newNo: newNo++, text });
    }
  }
  const near = lines.map(() => false);
  lines.forEach((line, i) => {
    if (line.kind === 'same') return;
    for (let j = Math.max(0, i - CONTEXT); j <= Math.min(lines.length - 1, i + CONTEXT); j += 1) near[j] = true;
  });
  const rows: DiffRow[] = [];
  let folded = 0;
  lines.forEach((line, i) => {
    if (near[i]) {
      if (folded > 0) rows.push({ kind: 'fold', count: folded });
      folded = 0;
      rows.push(line);
    } else folded += 1;
  });
  if (folded > 0) rows.push({ kind: 'fold', count: folded });
  return { rows, added: lines.filter((l) => l.kind === 'added').length, removed: lines.filter((l) => l.kind === 'removed').length };
}
