import type { Metafile } from 'esbuild';

/**
 * The Power-Up runs the rules engine and validators, never the rules-file parser: zod and yaml in
 * a bundle mean something imported rules/index.ts (or a config schema) at run time instead of
 * powerup/model/rules-runtime.ts, and every card would download them.
 */
const FORBIDDEN = [/node_modules\/zod\//, /node_modules\/yaml\//, /rules\/config\/(?!.*\.d\.ts$)/];

export function checkBundleInputs(metafile: Metafile): void {
  const offending = Object.keys(metafile.inputs).filter((input) => FORBIDDEN.some((pattern) => pattern.test(input)));
  if (offending.length > 0) {
    const shown = `${offending.slice(0, 5).join(', ')}${offending.length > 5 ? ', …' : ''}`;
    throw new Error(`the bundle pulled in the rules-file parser (${shown}); import from powerup/model/rules-runtime.ts`);
  }
}
