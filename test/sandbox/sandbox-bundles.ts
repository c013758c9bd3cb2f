import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { buildPowerUp } from '../../powerup/build/build-powerup';
import { buildHostBundles } from '../browser/support/host-bundles';

export type SandboxBundles = { hostPage: string; sandboxPage: string };

const TRELLO_CLIENT = 'https://p.trellocdn.com/power-up.min';

/**
 * The board page's scripts (the test host and the sandbox's board on top of it), and the Power-Up
 * built into a temporary folder with Trello's client library replaced by the stand-in the browser
 * tests use: a browser on the trainee's machine loads the pages as they are, with no route to patch.
 */
export async function buildSandbox(): Promise<{ bundles: SandboxBundles; distDir: string }> {
  const distDir = mkdtempSync(join(tmpdir(), 'gatekeeper-sandbox-powerup-'));
  const [host, sandboxPage] = await Promise.all([
    buildHostBundles(),
    build({
      entryPoints: [resolve(__dirname, '../browser/host/sandbox/sandbox-page.ts')],
      bundle: true,
      format: 'iife',
      target: 'chrome120',
      write: false,
      logLevel: 'warning',
    }).then((result) => result.outputFiles[0]!.text),
    buildPowerUp(distDir),
  ]);
  mkdirSync(join(distDir, 'stand-in'));
  writeFileSync(join(distDir, 'stand-in', 'power-up.min.js'), host.standIn);
  writeFileSync(join(distDir, 'stand-in', 'power-up.min.css'), '');
  for (const page of readdirSync(distDir).filter((name) => name.endsWith('.html'))) {
    const html = readFileSync(join(distDir, page), 'utf8');
    writeFileSync(join(distDir, page), html.replaceAll(TRELLO_CLIENT, 'stand-in/power-up.min'));
  }
  return { bundles: { hostPage: host.hostPage, sandboxPage }, distDir };
}
