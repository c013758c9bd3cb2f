import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderProcessConfigJsonSchema } from '../../../rules';
import { DEFAULT_RULES_FILE } from '../default-rules';

const COMMITTED = resolve(__dirname, '../../../rules/process-config.schema.json');

describe('rules/process-config.schema.json', () => {
  it('is the schema generated from the zod schema (run `npm run rules:schema` when this fails)', () => {
    expect(readFileSync(COMMITTED, 'utf8')).toBe(renderProcessConfigJsonSchema());
  });

  it('is the schema the default rules file tells editors to use', () => {
    expect(readFileSync(DEFAULT_RULES_FILE, 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\/process-config\.schema\.json\n/);
  });

  it('refuses unknown keys, as the zod schema does', () => {
    const schema = JSON.parse(renderProcessConfigJsonSchema());
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['roles', 'stages']);
  });
});
