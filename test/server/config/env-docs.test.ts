import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Env } from '../../../server/config/env-schema';

const DOC = readFileSync(resolve(__dirname, '../../../docs/configuration.md'), 'utf8');

describe('docs/configuration.md', () => {
  it.each(Object.keys(Env.shape))('has a row for %s', (name) => {
    expect(DOC).toContain(`| \`${name}\` |`);
  });
});
