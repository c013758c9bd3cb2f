/**
 * Where the cursor is in a YAML text, good enough for completion: the keys and sequence items
 * above it (by indentation), and whether a key or a value is being typed. Works on broken drafts,
 * which a YAML parser would refuse: it reads the lines, not the document.
 */
export type PathStep = string | number;

export type CursorPlace =
  /** Typing a key of the mapping at `path` (or a scalar item, when `path` ends in a sequence index). */
  | { kind: 'key'; path: PathStep[]; word: string; from: number }
  /** Typing the value of `key` in the mapping at `path`; `inList`: an item of a flow list `[a, b, …]`. */
  | { kind: 'value'; path: PathStep[]; key: string; word: string; from: number; inList: boolean; phraseFrom: number }
  /** An item of a block sequence (`- item`): its sequence is at `path`. */
  | { kind: 'item'; path: PathStep[]; word: string; from: number; phraseFrom: number };
// `phraseFrom`: where the value being typed starts, spaces included («Договор и оп|»): list and
// checklist names have spaces, so their completion replaces the whole phrase, not the last word.

const KEY_LINE = /^(\s*)((?:-\s+)*)(?:(["']?)([^\s#:"'][^:#]*?)\3\s*:(?:\s|$))?/;

type LineShape = { indent: number; dashes: number[]; keyCol: number | null; key: string | null; blank: boolean; bare: boolean };

function shapeOf(line: string): LineShape {
  const trimmed = line.trimStart();
  if (trimmed === '' || trimmed.startsWith('#')) return { indent: 0, dashes: [], keyCol: null, key: null, blank: true, bare: false };
  const m = KEY_LINE.exec(line)!;
  const indent = m[1]!.length;
  const dashes: number[] = [];
  let col = indent;
  for (const part of (m[2] ?? '').match(/-\s+/g) ?? []) {
    dashes.push(col);
    col += part.length;
  }
  const key = m[4] !== undefined ? m[4].trim() : null;
  const bare = key === null && line.slice(col).trim().replace(/^-$/, '') === '';
  return { indent, dashes, keyCol: key === null ? null : col, key, blank: false, bare };
}

/** The keys and sequence items containing a node that starts at column `col` of line `lineIndex`. */
export function ancestorsOf(lines: string[], lineIndex: number, col: number): PathStep[] {
  const path: PathStep[] = [];
  for (let i = lineIndex - 1; i >= 0 && col > 0; i -= 1) {
    const shape = shapeOf(lines[i]!);
    if (shape.blank) continue;
    // A key above, less indented: the node is (part of) its value.
    if (shape.keyCol !== null && shape.key !== null && shape.keyCol < col) {
      path.unshift(shape.key);
      col = shape.keyCol;
    }
    // A sibling key (or the key just taken) that sits after dashes: its mapping is a sequence item.
    if (shape.keyCol !== null && shape.keyCol <= col) {
      for (const dash of [...shape.dashes].reverse()) {
        if (dash < col) {
          path.unshift(0);
          col = dash;
        }
      }
    } else if (shape.bare) {
      // A dash alone on its line: the item's content starts on the lines below it.
      for (const dash of [...shape.dashes].reverse()) {
        if (dash < col) {
          path.unshift(0);
          col = dash;
        }
      }
    }
  }
  return path;
}

/** What is being typed at `pos` of `text`. */
export function cursorPlace(text: string, pos: number): CursorPlace {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  const before = text.slice(lineStart, pos);
  const lines = text.slice(0, lineStart).split('\n');
  lines.pop();
  const lineIndex = lines.length;
  const all = [...lines, before];

  // `key: value` or `key: [a, b, c`
  const valueMatch = /^(\s*)((?:-\s+)*)(["']?)([^\s#:"'][^:#]*?)\3\s*:\s+(.*)$/.exec(before);
  if (valueMatch) {
    const indent = valueMatch[1]!.length;
    const dashText = valueMatch[2] ?? '';
    const keyCol = indent + dashText.length;
    const rest = valueMatch[5] ?? '';
    const dashCount = (dashText.match(/-/g) ?? []).length;
    const path = [...ancestorsOf(all, lineIndex, dashCount > 0 ? indent : keyCol), ...Array<number>(dashCount).fill(0)];
    const inList = rest.startsWith('[') && !rest.includes(']');
    const word = /[^\s,[\]{}'"]*$/.exec(rest)![0];
    const phrase = /[^,[\]{}'"]*$/.exec(rest)![0].trimStart();
    return { kind: 'value', path, key: valueMatch[4]!.trim(), word, from: pos - word.length, inList, phraseFrom: pos - phrase.length };
  }
  // `  - item`, `  key`, `  - key`
  const keyMatch = /^(\s*)((?:-\s+)*)([^\s:#]*)$/.exec(before) ?? /^(\s*)((?:-\s+)+)([^:#]*)$/.exec(before);
  if (keyMatch) {
    const indent = keyMatch[1]!.length;
    const dashText = keyMatch[2] ?? '';
    const word = keyMatch[3] ?? '';
    const dashCount = (dashText.match(/-/g) ?? []).length;
    const start = dashCount > 0 ? indent : indent + dashText.length;
    const path = [...ancestorsOf(all, lineIndex, start), ...Array<number>(dashCount).fill(0)];
    if (dashCount > 0) {
      const last = /\S*$/.exec(word)![0];
      return { kind: 'item', path: path.slice(0, -1), word: last, from: pos - last.length, phraseFrom: pos - word.length };
    }
    return { kind: 'key', path, word, from: pos - word.length };
  }
  return { kind: 'key', path: [], word: '', from: pos };
}
