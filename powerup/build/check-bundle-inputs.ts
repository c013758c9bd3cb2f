import type { Metafile } from 'esbuild';

/**
 * The Power-Up runs the rules engine and validators, never the rules-file parser: zod and yaml in
 * a bundle mean something imported rules/index.ts (or a config schema) at run time instead of
 * powerup/model/rules-runtime.ts, and every card would download them.
 */
// rules-error.ts imports nothing: how a problem's place reads is said once, for the editor too.
const FORBIDDEN = [/node_modules\/zod\//, /node_modules\/yaml\//, /rules\/config\/(?!rules-error\.ts$)(?!.*\.d\.ts$)/];

/**
 * The rules editor (rules-editor.js, opened by admins only) edits the rules text through the YAML
 * document library, so that comments and order survive the form: yaml is allowed there alone.
 * It never validates (the server does): zod and rules/config stay out of it too.
 */
const ALLOWED: Record<string, RegExp[]> = { 'rules-editor.js': [/node_modules\/yaml\//] };

export function checkBundleInputs(metafile: Metafile): void {
  const offending = Object.entries(metafile.outputs).flatMap(([output, { inputs }]) => {
    const allowed = ALLOWED[output.split('/').pop() ?? ''] ?? [];
    return Object.keys(inputs).filter((input) => FORBIDDEN.some((pattern) => pattern.test(input)) && !allowed.some((pattern) => pattern.test(input)));
  });
  if (offending.length > 0) {
    const unique = [...new Set(offending)];
    const shown = `${unique.slice(0, 5).join(', ')}${unique.length > 5 ? ', …' : ''}`;
    throw new Error(`the bundle pulled in the rules-file parser (${shown}); import from powerup/model/rules-runtime.ts`);
  }
}
