import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export type BundleSize = { file: string; bytes: number; gzipBytes: number };

/** Raw and gzipped sizes: gzipped is what a phone downloads when the card opens. */
export function bundleSizes(dir: string, files: readonly string[]): BundleSize[] {
  return files.map((file) => {
    const content = readFileSync(resolve(dir, file));
    return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
}

export function formatSizes(sizes: readonly BundleSize[]): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const width = Math.max(...sizes.map((s) => s.file.length));
  return sizes.map((s) => `  ${s.file.padEnd(width)}  ${kb(s.bytes).padStart(8)}  ${kb(s.gzipBytes).padStart(8)} gzipped`).join('\n');
}
