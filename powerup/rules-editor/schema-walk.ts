import type { PathStep } from './yaml-path';

/** The parts of a JSON Schema (draft-07, as zod writes it) that completion reads. */
type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  definitions?: Record<string, Schema>;
  $defs?: Record<string, Schema>;
};

export type KeyOption = { key: string; description: string | undefined };

function asSchema(value: unknown): Schema | null {
  return typeof value === 'object' && value !== null ? (value as Schema) : null;
}

/** Every alternative a schema stands for, with $ref, allOf, anyOf and oneOf opened. */
function alternatives(root: Schema, schema: Schema | null, depth = 0): Schema[] {
  if (!schema || depth > 12) return [];
  if (schema.$ref) {
    const name = /^#\/(?:definitions|\$defs)\/(.+)$/.exec(schema.$ref)?.[1];
    const target = name ? (root.definitions?.[name] ?? root.$defs?.[name]) : undefined;
    return alternatives(root, target ?? null, depth + 1);
  }
  const nested = [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  const own = schema.properties || schema.items || schema.additionalProperties || schema.enum || schema.type ? [schema] : [];
  return [...own, ...nested.flatMap((s) => alternatives(root, s, depth + 1))];
}

/** The schemas of the node at `path` (a number: a sequence item; a string: a key). */
export function schemasAt(rootValue: unknown, path: readonly PathStep[]): Schema[] {
  const root = asSchema(rootValue);
  if (!root) return [];
  let current = alternatives(root, root);
  for (const step of path) {
    current = current.flatMap((schema) => {
      if (typeof step === 'number') return schema.items ? alternatives(root, schema.items) : [];
      const property = schema.properties?.[step];
      if (property) return alternatives(root, property);
      const extra = asSchema(schema.additionalProperties);
      return extra ? alternatives(root, extra) : [];
    });
  }
  return current;
}

/** The keys a mapping at `path` may have, with their descriptions. */
export function keysAt(rootValue: unknown, path: readonly PathStep[]): KeyOption[] {
  const found = new Map<string, KeyOption>();
  for (const schema of schemasAt(rootValue, path)) {
    for (const [key, property] of Object.entries(schema.properties ?? {})) {
      if (!found.has(key)) found.set(key, { key, description: property.description ?? describe(rootValue, property) });
    }
  }
  return [...found.values()];
}

/** The values a schema lists for the node at `path` (`enum`, `const`, booleans). */
export function enumValuesAt(rootValue: unknown, path: readonly PathStep[]): string[] {
  const values = new Set<string>();
  for (const schema of schemasAt(rootValue, path)) {
    for (const value of schema.enum ?? []) values.add(String(value));
    if (schema.const !== undefined) values.add(String(schema.const));
    if (schema.type === 'boolean') ['true', 'false'].forEach((v) => values.add(v));
  }
  return [...values];
}

function describe(rootValue: unknown, schema: Schema): string | undefined {
  const root = asSchema(rootValue);
  return root ? alternatives(root, schema).find((s) => s.description)?.description : undefined;
}
