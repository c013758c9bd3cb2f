import { resolve } from 'node:path';
import { build } from 'esbuild';

const HOST = resolve(__dirname, '../host');

export type HostBundles = { standIn: string; hostPage: string };

/** The stand-in for Trello's client library and the host page's script, bundled in memory. */
export async function buildHostBundles(): Promise<HostBundles> {
  const bundle = async (entry: string) => {
    const result = await build({
      entryPoints: [resolve(HOST, entry)],
      bundle: true,
      format: 'iife',
      target: 'chrome120',
      write: false,
      logLevel: 'warning',
    });
    return result.outputFiles[0]!.text;
  };
  const [standIn, hostPage] = await Promise.all([bundle('stand-in/trello-power-up.ts'), bundle('trello/host-page.ts')]);
  return { standIn, hostPage };
}
