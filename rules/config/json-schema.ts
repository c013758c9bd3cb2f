import { z } from 'zod';
import { ProcessConfig } from './process-config';

/**
 * The JSON Schema of a rules file, generated from the zod schema so the two cannot disagree. Draft 7
 * because it is what editors (yaml-language-server, VS Code) understand best; `io: 'input'` so keys
 * with defaults are optional, as they are when writing the file.
 */
export function processConfigJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ProcessConfig, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
}

/** The schema as committed in rules/process-config.schema.json. */
export function renderProcessConfigJsonSchema(): string {
  return `${JSON.stringify(processConfigJsonSchema(), null, 2)}\n`;
}

/**
 * Every key name the schema knows, anywhere: the vocabulary for "did you mean" suggestions. Only
 * asked for when a file has problems, so it is worked out each time rather than kept.
 */
export function schemaKeyNames(): readonly string[] {
  return [...collectKeys(processConfigJsonSchema(), new Set<string>())];
}

function collectKeys(node: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(node)) node.forEach((child) => collectKeys(child, into));
  else if (typeof node === 'object' && node !== null) {
    for (const [key, child] of Object.entries(node)) {
      if (key === 'properties' && typeof child === 'object' && child !== null) Object.keys(child).forEach((k) => into.add(k));
      collectKeys(child, into);
    }
  }
  return into;
}
