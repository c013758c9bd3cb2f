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
