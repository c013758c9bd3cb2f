import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { checkBundleInputs } from './check-bundle-inputs';
import { bundleSizes, formatSizes, type BundleSize } from './bundle-sizes';

/** powerup/: sources, pages, styles, strings. */
export const POWERUP_DIR = resolve(__dirname, '..');
/** Where the server serves the Power-Up from (server/http/powerup-static.ts). */
export const DEFAULT_OUT_DIR = resolve(POWERUP_DIR, '..', 'dist', 'powerup');

/** One bundle per iframe surface: each page loads only its own script and styles. */
const SURFACES = ['connector', 'card-back', 'missing-popup', 'summary', 'rules-editor'] as const;
const STYLED = ['card-back', 'missing-popup', 'summary', 'rules-editor'] as const;

/**
 * Builds the Power-Up into `outDir`: minified JS and CSS per surface, the HTML pages, the strings
 * Trello's localizer loads (strings/{locale}.json) and the icons. Answers each file's size.
 */
export async function buildPowerUp(outDir: string = DEFAULT_OUT_DIR): Promise<BundleSize[]> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const entryPoints = [
    ...SURFACES.map((name) => ({ in: resolve(POWERUP_DIR, 'entries', `${name}.ts`), out: name })),
    ...STYLED.map((name) => ({ in: resolve(POWERUP_DIR, 'styles', `${name}.css`), out: name })),
  ];
  const result = await build({
    entryPoints,
    outdir: outDir,
    bundle: true,
    minify: true,
    format: 'iife',
    // What Trello supports: current desktop browsers and the mobile apps' web views.
    target: ['chrome100', 'firefox100', 'safari15', 'edge100'],
    charset: 'utf8',
    legalComments: 'none',
    tsconfig: resolve(POWERUP_DIR, 'tsconfig.json'),
    metafile: true,
    logLevel: 'warning',
  });
  checkBundleInputs(result.metafile);
  for (const folder of ['strings', 'icons']) cpSync(resolve(POWERUP_DIR, folder), resolve(outDir, folder), { recursive: true });
  cpSync(resolve(POWERUP_DIR, 'pages'), outDir, { recursive: true });
  return bundleSizes(outDir, [...SURFACES.map((name) => `${name}.js`), ...STYLED.map((name) => `${name}.css`)]);
}

if (require.main === module) {
  const outDir = process.argv[2] ? resolve(process.argv[2]) : DEFAULT_OUT_DIR;
  buildPowerUp(outDir).then(
    (sizes) => process.stdout.write(`Power-Up built into ${outDir}\n${formatSizes(sizes)}\n`),
    (err: Error) => {
      process.stderr.write(`[build:powerup] ${err.message}\n`);
      process.exit(1);
    },
  );
}
