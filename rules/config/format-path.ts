/** ['stages', 4, 'gate', 'fields', 1] → "stages[4].gate.fields[1]"; odd keys are quoted: roles["Bad role"]. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else if (typeof part === 'string' && /^[$A-Za-z_][\w$]*$/.test(part)) text += text ? `.${part}` : part;
    else text += `[${JSON.stringify(String(part))}]`;
  }
  return text || '(top level)';
}

/** formatPath read back: "stages[4].gate" → ['stages', 4, 'gate']; undefined for text it never writes. */
export function parsePath(text: string): (string | number)[] | undefined {
  if (text === '(top level)') return [];
  const parts: (string | number)[] = [];
  const token = /\.?([$A-Za-z_][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  while (token.lastIndex < text.length) {
    const start = token.lastIndex;
    const match = token.exec(text);
    if (!match || (start === 0 && text.startsWith('.'))) return undefined;
    if (match[1] !== undefined) parts.push(match[1]);
    else if (match[2] !== undefined) parts.push(Number(match[2]));
    else parts.push(JSON.parse(match[3]!) as string);
  }
  return parts;
}
