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

/** An open `{` or `[` before the cursor: for a mapping, the key whose value is being typed (null: a key is). */
type OpenFlow = { kind: 'map'; key: string | null; keyFrom: number } | { kind: 'seq' };

/**
 * Where the cursor is inside the flow collections `rest` opens (`{ label: { ru: дир`,
 * `[a, { anyOf: [b`), `path` being the node `rest` is the value of. Null when `rest` is not a
 * flow collection, or all of it is closed before the cursor.
 */
function flowPlace(rest: string, path: PathStep[], pos: number): CursorPlace | null {
  if (!/^[[{]/.test(rest)) return null;
  const open: OpenFlow[] = [];
  for (let i = 0; i < rest.length; i += 1) {
    const c = rest[i]!;
    const top = open[open.length - 1];
    if (c === "'" || c === '"') {
      // A quoted scalar: nothing in it opens or closes anything. Unclosed, it is the value being typed.
      const end = rest.indexOf(c, i + 1);
      if (end < 0) break;
      i = end;
    } else if (c === '{') open.push({ kind: 'map', key: null, keyFrom: i + 1 });
    else if (c === '[') open.push({ kind: 'seq' });
    else if (c === '}' || c === ']') open.pop();
    else if (c === ',' && top?.kind === 'map') Object.assign(top, { key: null, keyFrom: i + 1 });
    else if (c === ':' && top?.kind === 'map' && top.key === null && /^(\s|$)/.test(rest.slice(i + 1))) top.key = rest.slice(top.keyFrom, i).trim();
  }
  const inner = open.pop();
  if (!inner) return null;
  const steps = [...path];
  for (const outer of open) steps.push(outer.kind === 'map' ? (outer.key ?? '') : 0);
  const word = /[^\s,[\]{}'"]*$/.exec(rest)![0];
  // A value in a flow map starts after its key's colon.
  const phrase = /[^,:[\]{}'"]*$/.exec(rest)![0].trimStart();
  const value = { word, from: pos - word.length, phraseFrom: pos - phrase.length };
  if (inner.kind === 'map') {
    return inner.key === null ? { kind: 'key', path: steps, word, from: value.from } : { kind: 'value', path: steps, key: inner.key, inList: false, ...value };
  }
  // An item of a flow list: the value of the key that holds the list.
  const key = steps.pop();
  if (typeof key !== 'string') return null;
  return { kind: 'value', path: steps, key, inList: true, ...value };
}

/** What is being typed at `pos` of `text`. */
export function cursorPlace(text: string, pos: number): CursorPlace {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  const before = text.slice(lineStart, pos);
  const lines = text.slice(0, lineStart).split('\n');
  lines.pop();
  const lineIndex = lines.length;
  const all = [...lines, before];

  // `- { value: mp3, la`: an item of a block sequence written as a flow collection.
  const flowItem = /^(\s*)((?:-\s+)+)([[{].*)$/.exec(before);
  if (flowItem) {
    const indent = flowItem[1]!.length;
    const dashCount = (flowItem[2]!.match(/-/g) ?? []).length;
    const path = [...ancestorsOf(all, lineIndex, indent), ...Array<number>(dashCount).fill(0)];
    const place = flowPlace(flowItem[3]!, path, pos);
    if (place) return place;
  }
  // `key: value` or `key: [a, b, c` or `key: { other: [a`
  const valueMatch = /^(\s*)((?:-\s+)*)(["']?)([^\s#:"'[{][^:#]*?)\3\s*:\s+(.*)$/.exec(before);
  if (valueMatch) {
    const indent = valueMatch[1]!.length;
    const dashText = valueMatch[2] ?? '';
    const keyCol = indent + dashText.length;
    const rest = valueMatch[5] ?? '';
    const dashCount = (dashText.match(/-/g) ?? []).length;
    const path = [...ancestorsOf(all, lineIndex, dashCount > 0 ? indent : keyCol), ...Array<number>(dashCount).fill(0)];
    const key = valueMatch[4]!.trim();
    const inFlow = flowPlace(rest, [...path, key], pos);
    if (inFlow) return inFlow;
    const word = /[^\s,[\]{}'"]*$/.exec(rest)![0];
    const phrase = /[^,[\]{}'"]*$/.exec(rest)![0].trimStart();
    return { kind: 'value', path, key, word, from: pos - word.length, inList: false, phraseFrom: pos - phrase.length };
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
