/**
 * The nested key structure of a JSON value, for comparing simulator output with a
 * captured fixture: non-empty objects become their keys (recursively), everything
 * else (values, arrays, `{}`, null) is a leaf. Key order is ignored.
 */
export type KeyTree = '·' | { [key: string]: KeyTree };

export function keyTree(value: unknown): KeyTree {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.keys(value).length === 0) return '·';
  const tree: Record<string, KeyTree> = {};
  for (const key of Object.keys(value).sort()) tree[key] = keyTree((value as Record<string, unknown>)[key]);
  return tree;
}
