import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderProcessConfigJsonSchema } from '../../rules';

/**
 * Regenerates rules/process-config.schema.json from the zod schema (`npm run rules:schema`). Editors
 * use that file to complete and check rules YAML; test/rules/config/json-schema.test.ts fails when
 * the committed copy falls behind the schema. The writing lives here because rules/ does no I/O.
 */
const target = resolve(__dirname, '../../rules/process-config.schema.json');
writeFileSync(target, renderProcessConfigJsonSchema());
console.log(`[rules] wrote ${target}`);
