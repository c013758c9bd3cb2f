import { isAlias, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { parsePath } from './format-path';

export type Position = { line: number; column: number };

/** Where in the text a path of the data is written; undefined for a path it cannot read. */
export type Locate = (path: string) => Position | undefined;

/**
 * Finds a data path in the text: for a key of a mapping, the key (the line people look for); for an
 * item of a list, the item. A path that is not in the text (a required key left out) is placed at
 * its nearest ancestor that is: the mapping the key is missing from. JSON is read by the same
 * parser (JSON is YAML's flow style), so both formats point the same way.
 */
export function locator(doc: Document, lineCounter: LineCounter): Locate {
  return (path) => {
    const parts = parsePath(path);
    if (!parts) return undefined;
    let node: unknown = doc.contents;
    let offset = isNode(node) ? (node.range?.[0] ?? 0) : 0;
    for (const part of parts) {
      if (isAlias(node)) node = node.resolve(doc);
      if (isMap(node)) {
        const pair = node.items.findLast((item) => keyName(item.key) === String(part));
        if (!pair) break;
        offset = (isNode(pair.key) ? pair.key.range?.[0] : undefined) ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof part === 'number') {
        const item: unknown = node.items[part];
        if (!isNode(item)) break;
        offset = item.range?.[0] ?? offset;
        node = item;
      } else break;
    }
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
}

/** A locator for text already known to be well-formed JSON: parsed again for its positions only. */
export function jsonLocator(text: string): Locate {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  return locator(doc, lineCounter);
}

function keyName(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}
